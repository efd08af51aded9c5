namespace AkkaZk.Consensus;

/// <summary>Where one learner's handshake stands on the leader (the steps of LearnerHandler.run).</summary>
internal enum LearnerPhase
{
    AwaitingEpoch,
    AwaitingAckEpoch,
    AwaitingEpochQuorum,
    AwaitingNewLeaderAck,
    AwaitingStartup,
    Serving,
}

/// <summary>The leader's view of one connected learner (a LearnerHandler without the socket).</summary>
internal sealed class LearnerHandlerState(long sid, bool isParticipant, long ackDeadlineTick)
{
    public long Sid { get; } = sid;

    /// <summary>Sent FOLLOWERINFO (a follower) rather than OBSERVERINFO.</summary>
    public bool IsParticipant { get; } = isParticipant;

    public LearnerPhase Phase { get; set; } = LearnerPhase.AwaitingEpoch;

    /// <summary>Receives live PROPOSAL/COMMIT (followers) or INFORM (observers): set once its sync is queued.</summary>
    public bool Forwarding { get; set; }

    public long PeerLastZxid { get; set; }

    /// <summary>tickOfNextAckDeadline: any packet from the learner moves it to currentTick + syncLimit.</summary>
    public long AckDeadlineTick { get; set; } = ackDeadlineTick;

    /// <summary>Proposals sent and not yet acked, with the half-tick they were sent (SyncLimitCheck).</summary>
    public Queue<(long Zxid, long SentAt)> Unacked { get; } = new();
}
