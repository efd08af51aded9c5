namespace AkkaZk.Bench.Commands;

/// <summary>The JSON report of `latency`: one result per worker count.</summary>
public sealed record LatencyReport(string Command, string Label, string Target, DateTimeOffset StartedAt, string Root,
    int ValueSize, TimeSpan Duration, TimeSpan Warmup, IReadOnlyList<LatencyLevel> Levels);
