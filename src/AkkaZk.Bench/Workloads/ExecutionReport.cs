using AkkaZk.Bench.Load;

namespace AkkaZk.Bench.Workloads;

/// <summary>A workload's setup steps, measured result and cleanup steps.</summary>
public sealed record ExecutionReport(IReadOnlyList<PhaseReport> Prepare, LoadResult Result, IReadOnlyList<PhaseReport> Cleanup);
