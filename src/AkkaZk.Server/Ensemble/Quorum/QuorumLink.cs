using AkkaZk.Jute.Quorum;

namespace AkkaZk.Server.Ensemble.Quorum;

/// <summary>Messages from a quorum connection's reader to the actor that owns the socket.</summary>
public static class QuorumLink
{
    /// <summary>One packet; for SNAP, <paramref name="Snapshot"/> is the snapshot body that followed it.</summary>
    public sealed record PacketReceived(QuorumPacket Packet, byte[]? Snapshot);

    /// <summary>The connection ended (EOF, a socket error, or <paramref name="BadInput"/>: input refused).</summary>
    public sealed record Closed(string Reason, bool BadInput = false);
}
