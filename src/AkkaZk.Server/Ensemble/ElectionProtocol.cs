using AkkaZk.Consensus;
using AkkaZk.Jute.Quorum;
using AkkaZk.Server.Configuration;

namespace AkkaZk.Server.Ensemble;

/// <summary>
/// Messages between the PeerActor and its ElectionActor (fast leader election over the election port). The
/// ElectionActor keeps answering LOOKING peers with its current vote while this node leads, follows or observes.
/// </summary>
public static class ElectionProtocol
{
    /// <summary>Parent → election: start a LOOKING round with this node's durable state (last logged zxid, currentEpoch).</summary>
    public sealed record StartLooking(long LastLoggedZxid, long CurrentEpoch);

    /// <summary>Election → parent: the round is over; lead, follow or observe <paramref name="Vote"/>'s leader.</summary>
    public sealed record Decided(ServerState State, Vote Vote);

    /// <summary>
    /// Parent → election: the role established <paramref name="Epoch"/>; the vote sent to LOOKING peers carries it as
    /// its peerEpoch from now on (ZOOKEEPER-1732).
    /// </summary>
    public sealed record EpochEstablished(long Epoch);

    /// <summary>
    /// Parent → election: a reconfig activated <paramref name="Config"/> (QuorumPeer.restartLeaderElection): later
    /// rounds count its voters, notifications carry its string, and links reach its <paramref name="Servers"/>.
    /// </summary>
    public sealed record ConfigChanged(IReadOnlyList<PeerAddress> Servers, QuorumConfig Config);

    /// <summary>Election → parent: while looking, a notification carried a newer config, which the election now uses.</summary>
    public sealed record ConfigSeen(ConfigActivation Activation);
}
