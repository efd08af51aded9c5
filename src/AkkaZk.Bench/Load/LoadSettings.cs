namespace AkkaZk.Bench.Load;

/// <summary>
/// How to drive the connections. Rate 0 is closed loop (each connection keeps <see cref="Outstanding"/> requests in
/// flight); a positive rate is the total requests per second spread over the connections, each capped at
/// <see cref="Outstanding"/> in flight.
/// </summary>
public sealed record LoadSettings(int Outstanding, TimeSpan Warmup, TimeSpan Duration, double Rate, TimeSpan DrainTimeout)
{
    public static LoadSettings Bulk(int outstanding, TimeSpan timeout) =>
        new(outstanding, TimeSpan.Zero, timeout, 0, TimeSpan.FromSeconds(10));
}
