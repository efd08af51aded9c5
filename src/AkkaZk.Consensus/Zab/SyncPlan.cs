namespace AkkaZk.Consensus;

using AkkaZk.Jute.Quorum;

/// <summary>
/// What the leader sends a learner to bring it to <see cref="SyncedZxid"/>: DIFF/TRUNC with PROPOSAL+COMMIT pairs,
/// or a lone SNAP (the caller follows a SNAP packet with the snapshot stream).
/// </summary>
public sealed record SyncPlan(IReadOnlyList<QuorumPacket> Packets, long SyncedZxid)
{
    public bool IsSnap => Packets.Count == 1 && Packets[0].Type == QuorumPacketType.Snap;

    public int Mode => Packets[0].Type;
}
