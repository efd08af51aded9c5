using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>A vote: proposed leader, its zxid and epoch, the election round it was cast in, the caster's state.</summary>
public sealed record Vote(long Leader, long Zxid, long ElectionEpoch, long PeerEpoch, ServerState State = ServerState.Looking, int Version = 0)
{
    /// <summary>
    /// Vote.equals of ZooKeeper 3.8: while either side is LOOKING every field but state and version counts; between
    /// votes of servers out of election only the leader and peerEpoch count (ZOOKEEPER-1805), and only the leader
    /// when exactly one side predates the version field (ZOOKEEPER-1732).
    /// </summary>
    public bool Matches(Vote other)
    {
        if (State == ServerState.Looking || other.State == ServerState.Looking)
            return Leader == other.Leader && Zxid == other.Zxid && ElectionEpoch == other.ElectionEpoch && PeerEpoch == other.PeerEpoch;
        if ((Version > 0) ^ (other.Version > 0)) return Leader == other.Leader;
        return Leader == other.Leader && PeerEpoch == other.PeerEpoch;
    }

    public override string ToString() =>
        $"({Leader}, {ZxidUtils.ToHex(Zxid)}, round {ElectionEpoch}, epoch {PeerEpoch}{(State == ServerState.Looking ? "" : ", " + State)})";
}
