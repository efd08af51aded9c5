using AkkaZk.Bench.Load;

namespace AkkaZk.Bench.Commands;

/// <summary>The JSON report of `latency`: one result per worker count.</summary>
public sealed record LatencyReport(string Command, string Label, string Target, DateTimeOffset StartedAt, string Root,
    int ValueSize, TimeSpan Duration, TimeSpan Warmup, IReadOnlyList<LatencyLevel> Levels);

/// <summary>W workers, one session each: creates per second and the create/delete latencies.</summary>
public sealed record LatencyLevel(int Workers, double CreatesPerSec, LoadResult Result);
