namespace AkkaZk.Server.FourLetterWords;

/// <summary>
/// What mntr adds on an ensemble member, as ZooKeeper 3.8: zk_peer_state (QuorumPeer.getDetailedPeerState, e.g.
/// "following - broadcast", or "looking" in read-only mode), zk_quorum_size (the voters) and, on an observer,
/// zk_observer_master_id (the server it observes: the leader, as no observerMasterPort is served).
/// </summary>
public sealed record QuorumStatus(string PeerState, int QuorumSize, long? ObserverMasterId = null)
{
    /// <summary>The status of a member in the given mode (srvr's Mode) with its leader.</summary>
    public static QuorumStatus Of(string mode, int quorumSize, long leaderId) => mode switch
    {
        "leader" => new("leading - broadcast", quorumSize),
        "follower" => new("following - broadcast", quorumSize),
        "observer" => new("observing - broadcast", quorumSize, leaderId),
        _ => new("looking", quorumSize),
    };
}
