namespace AkkaZk.Server.Stats;

/// <summary>
/// Server-wide counters for srvr/stat/mntr, updated from many connections without an owning actor (they are only
/// counters), as ZooKeeper's ServerStats plus the ServerMetrics this server can measure.
/// </summary>
public sealed class ServerStats
{
    private long _packetsReceived;
    private long _packetsSent;
    private long _outstanding;
    private long _latencyCount;
    private long _latencyTotal;
    private long _latencyMin = long.MaxValue;
    private long _latencyMax;
    private long _authFailed;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public long StartedTicks { get; } = Environment.TickCount64;

    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);
    public long PacketsSent => Interlocked.Read(ref _packetsSent);
    public long Outstanding => Math.Max(0, Interlocked.Read(ref _outstanding));
    public long LatencyCount => Interlocked.Read(ref _latencyCount);
    public long LatencyMin => LatencyCount == 0 ? 0 : Interlocked.Read(ref _latencyMin);
    public long LatencyMax => Interlocked.Read(ref _latencyMax);
    public long LatencyTotal => Interlocked.Read(ref _latencyTotal);
    public long AuthFailed => Interlocked.Read(ref _authFailed);

    /// <summary>Average latency in ms as ZooKeeper prints it (0.0 with no samples).</summary>
    public double LatencyAverage => LatencyCount == 0 ? 0.0 : (double)LatencyTotal / LatencyCount;

    /// <summary>Sizes of reply and notification frames without the length prefix (zk_*_client_response_size).</summary>
    public BufferStats ClientResponseSizes { get; } = new();

    public ServerMetrics Metrics { get; } = new();

    public void PacketReceived() => Interlocked.Increment(ref _packetsReceived);
    public void PacketSent() => Interlocked.Increment(ref _packetsSent);
    public void RequestStarted() => Interlocked.Increment(ref _outstanding);
    public void RequestFinished() => Interlocked.Decrement(ref _outstanding);
    public void RequestsAbandoned(long count) => Interlocked.Add(ref _outstanding, -count);
    public void AuthFailedOnce() => Interlocked.Increment(ref _authFailed);

    public void RecordLatency(long ms)
    {
        Interlocked.Increment(ref _latencyCount);
        Interlocked.Add(ref _latencyTotal, ms);
        long seen;
        while (ms < (seen = Interlocked.Read(ref _latencyMin)) && Interlocked.CompareExchange(ref _latencyMin, ms, seen) != seen) { }
        while (ms > (seen = Interlocked.Read(ref _latencyMax)) && Interlocked.CompareExchange(ref _latencyMax, ms, seen) != seen) { }
    }

    /// <summary>srst, as ServerStats.reset: latency, packet counters, response sizes and every metric.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _packetsReceived, 0);
        Interlocked.Exchange(ref _packetsSent, 0);
        Interlocked.Exchange(ref _latencyCount, 0);
        Interlocked.Exchange(ref _latencyTotal, 0);
        Interlocked.Exchange(ref _latencyMin, long.MaxValue);
        Interlocked.Exchange(ref _latencyMax, 0);
        ClientResponseSizes.Reset();
        Metrics.Reset();
    }
}
