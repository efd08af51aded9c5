using AkkaZk.Bench.Metrics;

namespace AkkaZk.Bench.Load;

/// <summary>
/// What one measured window produced. Ops are successful replies completed inside the window; errors (by name)
/// are failed replies in the window plus requests lost with a connection. Latencies are in microseconds.
/// Exhausted: a finite load ran out of ops before the window ended (the window then ends at its last reply).
/// </summary>
public sealed record LoadResult(
    double WindowSeconds,
    long Ops,
    double OpsPerSec,
    LatencySummary Latency,
    IReadOnlyDictionary<string, LatencySummary> LatencyByOp,
    long ErrorCount,
    IReadOnlyDictionary<string, long> Errors,
    LatencySummary? SendLag,
    ServerUsage? Server,
    double ClientCpuSeconds,
    double ClientCpuUsPerOp,
    bool Drained,
    bool Exhausted);
