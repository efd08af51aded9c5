namespace AkkaZk.Bench.Workloads;

/// <summary>How a setup or cleanup step went: requests answered OK, failed ones by name, time, and whether it finished.</summary>
public sealed record PhaseReport(string Name, long Ops, long ErrorCount, IReadOnlyDictionary<string, long> Errors, double Seconds, bool Finished);
