using System.Net.Sockets;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Server.Ensemble.Election;

/// <summary>What the election port's sockets tell the ElectionActor (from their I/O tasks).</summary>
internal static class ElectionLinkMessages
{
    /// <summary>A peer connected to us and sent its initial message; <paramref name="Leftover"/> are bytes after it.</summary>
    public sealed record InboundHandshake(Socket Socket, ElectionInitialMessage Initial, byte[] Leftover);

    /// <summary>Our connection attempt to <paramref name="Sid"/> finished (socket null on failure).</summary>
    public sealed record OutboundConnected(long Sid, Socket? Socket, string? Error);

    public sealed record NotificationReceived(long Sid, long ConnectionId, Notification Notification);

    public sealed record ConnectionClosed(long Sid, long ConnectionId, string? Reason);

    public sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }
}
