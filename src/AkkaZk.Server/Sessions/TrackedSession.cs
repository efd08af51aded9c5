namespace AkkaZk.Server.Sessions;

/// <summary>One tracked session; Owner is the connection currently bound to it (null while disconnected).</summary>
public sealed class TrackedSession(long sessionId, int timeoutMs)
{
    public long SessionId { get; } = sessionId;
    public int TimeoutMs { get; set; } = timeoutMs;
    public long Deadline { get; set; }
    public bool Closing { get; set; }
    public SessionContext? Owner { get; set; }
}
