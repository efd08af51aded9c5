namespace AkkaZk.Consensus;

/// <summary>Where a learner stands in Learner.registerWithLeader / syncWithLeader / the main loop.</summary>
internal enum FollowerPhase
{
    Connecting,
    AwaitingLeaderInfo,
    AwaitingSyncMode,
    Syncing,
    AwaitingUpToDate,
    Broadcast,
    Stopped,
}
