using AkkaZk.Consensus;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus.Tests.Harness;

/// <summary>
/// A message in flight: an election notification (Connection 0) or a quorum packet on a learner connection.
/// A SNAP carries the leader's state machine as the snapshot stream that follows it on the wire.
/// </summary>
internal sealed record SimMessage(long From, long To, Notification? Notification, QuorumPacket? Packet, long Connection,
    IReadOnlyList<ZabTxn>? Snapshot = null)
{
    public override string ToString() => $"{From}->{To} {(object?)Notification ?? Packet}";
}
