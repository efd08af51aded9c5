namespace AkkaZk.Bench.Commands;

/// <summary>The JSON report of `churn`.</summary>
public sealed record ChurnReport(string Command, string Label, string Target, DateTimeOffset StartedAt, string Root,
    ConnectChurn Connect, EphemeralCleanup Ephemerals);
