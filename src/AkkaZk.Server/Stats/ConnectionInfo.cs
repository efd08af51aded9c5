namespace AkkaZk.Server.Stats;

/// <summary>Per-connection counters shown by stat and cons.</summary>
public sealed class ConnectionInfo(long connectionId, string remoteAddress, int remotePort)
{
    private long _received;
    private long _sent;
    private long _sessionId;

    public long ConnectionId { get; } = connectionId;
    public string RemoteAddress { get; } = remoteAddress;
    public int RemotePort { get; } = remotePort;
    public DateTimeOffset EstablishedAt { get; } = DateTimeOffset.UtcNow;
    public long Received => Interlocked.Read(ref _received);
    public long Sent => Interlocked.Read(ref _sent);
    public long SessionId { get => Interlocked.Read(ref _sessionId); set => Interlocked.Exchange(ref _sessionId, value); }
    public int TimeoutMs { get; set; }
    public string LastOperation { get; set; } = "NA";

    public void PacketReceived() => Interlocked.Increment(ref _received);
    public void PacketSent() => Interlocked.Increment(ref _sent);
    public void ResetCounters()
    {
        Interlocked.Exchange(ref _received, 0);
        Interlocked.Exchange(ref _sent, 0);
    }
}
