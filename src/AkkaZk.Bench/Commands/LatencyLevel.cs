using AkkaZk.Bench.Load;

namespace AkkaZk.Bench.Commands;

/// <summary>W workers, one session each: creates per second and the create/delete latencies.</summary>
public sealed record LatencyLevel(int Workers, double CreatesPerSec, LoadResult Result);
