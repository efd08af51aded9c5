namespace AkkaZk.Client;

/// <summary>The server answered the handshake with timeout 0: the session is expired or unknown.</summary>
public sealed class SessionExpiredException(long sessionId) : Exception($"session 0x{sessionId:x} expired")
{
    public long SessionId { get; } = sessionId;
}
