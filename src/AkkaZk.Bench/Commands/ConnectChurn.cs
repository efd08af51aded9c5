using AkkaZk.Bench.Load;
using AkkaZk.Bench.Metrics;

namespace AkkaZk.Bench.Commands;

/// <summary>
/// Sessions opened and closed (connect + closeSession, one after another per loop) in the window: the rate, the
/// handshake and close latencies in µs, failures, and the server's CPU per session.
/// </summary>
public sealed record ConnectChurn(int Concurrency, double WindowSeconds, long Sessions, double SessionsPerSec,
    LatencySummary Connect, LatencySummary Close, long Errors, ServerUsage? Server);
