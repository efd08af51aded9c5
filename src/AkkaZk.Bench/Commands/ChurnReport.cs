using AkkaZk.Bench.Load;
using AkkaZk.Bench.Metrics;

namespace AkkaZk.Bench.Commands;

/// <summary>The JSON report of `churn`.</summary>
public sealed record ChurnReport(string Command, string Label, string Target, DateTimeOffset StartedAt, string Root,
    ConnectChurn Connect, EphemeralCleanup Ephemerals);

/// <summary>
/// Sessions opened and closed (connect + closeSession, one after another per loop) in the window: the rate, the
/// handshake and close latencies in µs, failures, and the server's CPU per session.
/// </summary>
public sealed record ConnectChurn(int Concurrency, double WindowSeconds, long Sessions, double SessionsPerSec,
    LatencySummary Connect, LatencySummary Close, long Errors, ServerUsage? Server);

/// <summary>
/// N sessions each holding one ephemeral, then all ended at once (closeSession, or dropped to expire): how long
/// until the server had deleted every ephemeral, measured from the first close or drop.
/// </summary>
public sealed record EphemeralCleanup(int Count, string Mode, int NegotiatedTimeoutMs, double OpenSeconds, double EndSeconds,
    double GoneAfterSeconds, int Remaining);
