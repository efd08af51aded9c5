using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>What the caller must do about its role after a Ready.</summary>
public abstract record RoleChange;

/// <summary>The election is over: start leading, following or observing the vote's leader.</summary>
public sealed record ElectionFinished(ServerState State, Vote Vote) : RoleChange
{
    public override string ToString() => $"elected {State} leader={Vote.Leader} peerEpoch={Vote.PeerEpoch} round={Vote.ElectionEpoch}";
}

/// <summary>
/// Discovery and sync are done in <paramref name="Epoch"/> (leader: NEWLEADER acked by a quorum; learner: UPTODATE):
/// serve clients, and set the election vote's peerEpoch to the epoch (ZOOKEEPER-1732).
/// </summary>
public sealed record Established(long Epoch) : RoleChange
{
    public override string ToString() => $"established epoch={Epoch}";
}

/// <summary>
/// Give up this role and go back to LOOKING (a new election round). A learner's state machine may then hold state
/// that is not durable (a SNAP not yet followed by NEWLEADER, commits applied in memory during a SNAP or TRUNC
/// sync): rebuild it from durable storage before the next role, whose <see cref="ZabLog.AppliedZxid"/> says how far
/// the rebuilt state machine got; that core re-applies the rest of the log once it is known to be committed.
/// </summary>
public sealed record BackToLooking(string Reason) : RoleChange
{
    public override string ToString() => $"looking ({Reason})";
}
