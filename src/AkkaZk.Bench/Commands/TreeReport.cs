using AkkaZk.Bench.Load;
using AkkaZk.Bench.Workloads;

namespace AkkaZk.Bench.Commands;

/// <summary>
/// The JSON report of `tree`: creates per second while building the tree, and the server's RSS (kB) before, right
/// after, and after settling; BytesPerZnode = (settled − before) / znodes.
/// </summary>
public sealed record TreeReport(string Command, string Label, string Target, DateTimeOffset StartedAt, string Root,
    long Znodes, int Parents, int ValueSize, int Sessions, int Outstanding, LoadResult Result,
    long? RssBeforeKb, long? RssAfterKb, long? RssSettledKb, double? BytesPerZnode,
    IReadOnlyList<PhaseReport> Prepare, IReadOnlyList<PhaseReport> Cleanup);
