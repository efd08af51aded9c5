using AkkaZk.Bench.Load;
using AkkaZk.Bench.Workloads;

namespace AkkaZk.Bench.Commands;

/// <summary>The JSON report of `run`.</summary>
public sealed record RunReport(
    string Command,
    string Label,
    string Target,
    DateTimeOffset StartedAt,
    string Root,
    RunOptions Settings,
    LoadResult Result,
    IReadOnlyList<PhaseReport> Prepare,
    IReadOnlyList<PhaseReport> Cleanup);
