namespace AkkaZk.Server.Stats;

/// <summary>
/// One client connection as the four-letter words show it (stat, cons, dump, crst): address, packet counters,
/// session, outstanding requests, response statistics and when it last did I/O. Updated by the connection's actor
/// and frame reader, read from other threads.
/// </summary>
public sealed class ConnectionInfo(long connectionId, string remoteAddress, int remotePort)
{
    private long _received;
    private long _sent;
    private long _sessionId;
    private long _lastActivity = Environment.TickCount64;
    private volatile int _timeoutMs;
    private volatile bool _readSuspended;
    private volatile bool _runningCommand;

    public long ConnectionId { get; } = connectionId;
    public string RemoteAddress { get; } = remoteAddress;
    public int RemotePort { get; } = remotePort;
    public DateTimeOffset EstablishedAt { get; } = DateTimeOffset.UtcNow;
    public long Received => Interlocked.Read(ref _received);
    public long Sent => Interlocked.Read(ref _sent);
    public long SessionId { get => Interlocked.Read(ref _sessionId); set => Interlocked.Exchange(ref _sessionId, value); }
    public int TimeoutMs { get => _timeoutMs; set => _timeoutMs = value; }

    /// <summary>Requests read but not answered yet (cons "queued"); the connection's own back-pressure gate.</summary>
    public CountGate Outstanding { get; } = new(0);

    public ConnectionResponseStats Responses { get; } = new();

    /// <summary>Monotonic ms of the last read or write, as ZooKeeper touches a connection after each I/O.</summary>
    public long LastActivity => Interlocked.Read(ref _lastActivity);

    /// <summary>Set while the reader waits for the global outstanding limit (the connection is not reading).</summary>
    public bool ReadSuspended { get => _readSuspended; set => _readSuspended = value; }

    /// <summary>Set on a connection that carries a four-letter word (it is not read any more).</summary>
    public bool RunningCommand { get => _runningCommand; set => _runningCommand = value; }

    /// <summary>NIO interest ops as cons prints them: 1 (OP_READ) while reading, 0 otherwise.</summary>
    public int InterestOps => _readSuspended || _runningCommand ? 0 : 1;

    public void PacketReceived()
    {
        Interlocked.Increment(ref _received);
        Touch();
    }

    public void PacketSent()
    {
        Interlocked.Increment(ref _sent);
        Touch();
    }

    /// <summary>crst: packet counters and response statistics.</summary>
    public void ResetCounters()
    {
        Interlocked.Exchange(ref _received, 0);
        Interlocked.Exchange(ref _sent, 0);
        Responses.Reset();
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);
}
