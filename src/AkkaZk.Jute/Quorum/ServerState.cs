namespace AkkaZk.Jute.Quorum;

/// <summary>QuorumPeer.ServerState; the ordinal is what FLE notifications carry.</summary>
public enum ServerState
{
    Looking = 0,
    Following = 1,
    Leading = 2,
    Observing = 3,
}
