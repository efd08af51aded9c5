namespace AkkaZk.Bench.Commands;

/// <summary>The settings of one `run`, as given on the command line (copied into the JSON report).</summary>
public sealed record RunOptions(
    string Op,
    int Sessions,
    int Outstanding,
    int ReadPct,
    int ValueSize,
    int Znodes,
    int MultiSize,
    TimeSpan Duration,
    TimeSpan Warmup,
    double Rate,
    int SessionTimeoutMs,
    bool Cleanup)
{
    public int LeavesPerParent { get; init; } = 100;
}
