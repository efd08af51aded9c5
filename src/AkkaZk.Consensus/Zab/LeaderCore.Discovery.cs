using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>Discovery: FOLLOWERINFO → epoch quorum → LEADERINFO → ACKEPOCH quorum (Leader.getEpochToPropose, waitForEpochAck).</summary>
public sealed partial class LeaderCore
{
    private readonly HashSet<long> _connecting = [];
    private readonly HashSet<long> _electing = [];
    private long _proposedEpoch = -1;
    private bool _epochChosen;
    private bool _epochAcked;

    private void ReceiveLearnerInfo(ReadyBuilder<QuorumPacket> ready, long from, QuorumPacket packet)
    {
        _learners.Remove(from); // a reconnecting learner replaces its old handler
        var info = LearnerInfo.Parse(packet.Data);
        if (info is null || info.ProtocolVersion < LearnerInfo.CurrentProtocolVersion || info.ConfigVersion > Config.Version)
        {
            // Pre-Zab-1.0 learners are not supported; a learner with a newer config is "ahead of the leader".
            ready.Disconnect(from);
            return;
        }
        var learner = new LearnerHandlerState(from, packet.Type == QuorumPacketType.FollowerInfo,
            CurrentTick + _options.InitLimit + _options.SyncLimit);
        _learners[from] = learner;
        ProposeEpoch(ready, from, ZxidUtils.GetEpoch(packet.Zxid));
        if (_epochChosen && learner.Phase == LearnerPhase.AwaitingEpoch) SendLeaderInfo(ready, learner);
    }

    /// <summary>getEpochToPropose: the new epoch is one more than every accepted epoch seen before the quorum.</summary>
    private void ProposeEpoch(ReadyBuilder<QuorumPacket> ready, long sid, long lastAcceptedEpoch)
    {
        if (_epochChosen) return;
        if (lastAcceptedEpoch >= _proposedEpoch) _proposedEpoch = lastAcceptedEpoch + 1;
        if (Config.IsVoter(sid)) _connecting.Add(sid);
        if (!_connecting.Contains(MyId) || !Config.IsQuorum(_connecting)) return;
        _epochChosen = true;
        Epoch = _proposedEpoch;
        AcceptedEpoch = Epoch;
        ready.Persist(new PersistAcceptedEpoch(Epoch));
        _barrierDeadline = _halfTicks + _options.InitLimitHalfTicks;
        foreach (var learner in _learners.Values.Where(l => l.Phase == LearnerPhase.AwaitingEpoch).OrderBy(l => l.Sid).ToList())
            SendLeaderInfo(ready, learner);
        RecordEpochAck(ready, MyId, SummaryZxid);
    }

    private void SendLeaderInfo(ReadyBuilder<QuorumPacket> ready, LearnerHandlerState learner)
    {
        ready.Send(learner.Sid, new QuorumPacket(QuorumPacketType.LeaderInfo, ZxidUtils.MakeZxid(Epoch, 0),
            QuorumPacketData.Int(LearnerInfo.CurrentProtocolVersion)));
        learner.Phase = LearnerPhase.AwaitingAckEpoch;
    }

    private void ReceiveAckEpoch(ReadyBuilder<QuorumPacket> ready, LearnerHandlerState learner, QuorumPacket packet)
    {
        if (packet.Type != QuorumPacketType.AckEpoch)
        {
            Drop(ready, learner); // "first packet after LEADERINFO is not ACKEPOCH"
            return;
        }
        learner.PeerLastZxid = packet.Zxid;
        var epoch = QuorumPacketData.ReadInt(packet.Data);
        if (!_epochAcked && epoch != -1 && IsMoreRecent(epoch, packet.Zxid))
        {
            Drop(ready, learner); // "Follower is ahead of the leader"
            return;
        }
        learner.Phase = LearnerPhase.AwaitingEpochQuorum;
        if (_epochAcked)
        {
            SyncLearner(ready, learner);
            return;
        }
        // −1 means "already accepted this epoch": such an ack does not count towards the quorum.
        if (epoch != -1) RecordEpochAck(ready, learner.Sid, packet.Zxid);
        else CheckEpochAckQuorum(ready);
    }

    private bool IsMoreRecent(long epoch, long zxid) =>
        epoch > SummaryEpoch || (epoch == SummaryEpoch && zxid > SummaryZxid);

    private void RecordEpochAck(ReadyBuilder<QuorumPacket> ready, long sid, long zxid)
    {
        if (zxid != -1 && Config.IsVoter(sid)) _electing.Add(sid);
        CheckEpochAckQuorum(ready);
    }

    private void CheckEpochAckQuorum(ReadyBuilder<QuorumPacket> ready)
    {
        if (_epochAcked || !_electing.Contains(MyId) || !Config.IsQuorum(_electing)) return;
        _epochAcked = true;
        CurrentEpoch = Epoch;
        ready.Persist(new PersistCurrentEpoch(Epoch));
        _barrierDeadline = _halfTicks + _options.InitLimitHalfTicks;
        _newLeaderAcks.Add(MyId);
        VersionInitialConfig();
        foreach (var learner in _learners.Values.Where(l => l.Phase == LearnerPhase.AwaitingEpochQuorum).OrderBy(l => l.Sid).ToList())
            SyncLearner(ready, learner);
        CheckNewLeaderQuorum(ready);
    }
}
