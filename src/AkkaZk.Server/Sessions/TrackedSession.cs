namespace AkkaZk.Server.Sessions;

/// <summary>One tracked session; Owner is the connection currently bound to it (null while disconnected).</summary>
public sealed class TrackedSession(long sessionId, int timeoutMs)
{
    public long SessionId { get; } = sessionId;
    public int TimeoutMs { get; set; } = timeoutMs;
    public long Deadline { get; set; }
    public bool Closing { get; set; }
    public SessionContext? Owner { get; set; }

    /// <summary>
    /// On the leader, the server the session is attached to (ZooKeeper's SessionImpl.owner): the sid that created
    /// or last revalidated it, or that first used it; null until one does.
    /// </summary>
    public long? ServerOwner { get; set; }
}
