namespace AkkaZk.Bench.Commands;

/// <summary>
/// N sessions each holding one ephemeral, then all ended at once (closeSession, or dropped to expire): how long
/// until the server had deleted every ephemeral, measured from the first close or drop.
/// </summary>
public sealed record EphemeralCleanup(int Count, string Mode, int NegotiatedTimeoutMs, double OpenSeconds, double EndSeconds,
    double GoneAfterSeconds, int Remaining);
