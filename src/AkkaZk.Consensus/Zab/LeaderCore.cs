using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>
/// ZAB leader (QUORUM 5.2, 6, 7.1) as a pure state machine: discovery (epoch negotiation over a quorum of
/// FOLLOWERINFO and ACKEPOCH), per-learner sync (DIFF/TRUNC/SNAP + NEWLEADER), the NEWLEADER quorum, UPTODATE, then
/// broadcast (PROPOSAL → quorum of ACKs → COMMIT/INFORM in zxid order). Call <see cref="Start"/> once, then
/// <see cref="Step"/> for each packet from a learner, <see cref="Propose"/> for each txn and <see cref="Tick"/> every
/// tickTime/2. A learner's sid is the connection's (the caller learns it from FOLLOWERINFO's LearnerInfo).
/// </summary>
public sealed partial class LeaderCore
{
    private readonly ZabOptions _options;
    private readonly ZabLog _startLog;
    private readonly Dictionary<long, LearnerHandlerState> _learners = [];
    private readonly List<ZabTxn> _committedLog = [];
    private readonly SortedDictionary<long, OutstandingProposal> _outstanding = [];
    private long _halfTicks;
    private long _barrierDeadline;
    private bool _stopped;

    public LeaderCore(long myId, QuorumConfig config, ZabOptions options, EpochState epochs, ZabLog log)
    {
        MyId = myId;
        Config = config;
        LastSeenConfig = config;
        _options = options;
        AcceptedEpoch = epochs.AcceptedEpoch;
        CurrentEpoch = epochs.CurrentEpoch;
        _startLog = log;
        LastProcessedZxid = log.LastLoggedZxid;
        _committedLog.AddRange(log.Txns.Skip(Math.Max(0, log.Txns.Count - options.CommitLogCount)));
        LastProposedZxid = LastProcessedZxid;
        // StateSummary of the leader: what a learner must not be ahead of.
        SummaryEpoch = CurrentEpoch;
        SummaryZxid = LastProcessedZxid;
    }

    public long MyId { get; }
    /// <summary>The committed (activated) config: whose quorums count.</summary>
    public QuorumConfig Config { get; private set; }
    public long AcceptedEpoch { get; private set; }
    public long CurrentEpoch { get; private set; }

    /// <summary>The epoch being established (−1 until the epoch quorum); see <see cref="IsEstablished"/>.</summary>
    public long Epoch { get; private set; } = -1;

    public bool IsEstablished { get; private set; }
    public bool IsStopped => _stopped;
    public long LastProcessedZxid { get; private set; }
    public long LastProposedZxid { get; private set; }

    /// <summary>The zxid the next proposal must carry.</summary>
    public long NextZxid => LastProposedZxid + 1;

    /// <summary>The current ZooKeeper tick (one per two Tick calls).</summary>
    public long CurrentTick => _halfTicks / 2;

    public IReadOnlyCollection<long> Learners => _learners.Keys;

    public int OutstandingCount => _outstanding.Count;

    private long SummaryEpoch { get; }
    private long SummaryZxid { get; }

    /// <summary>
    /// Leader.lead's start: the log replayed into the state machine (everything logged counts as committed), then the
    /// leader's own FOLLOWERINFO-equivalent towards the new epoch.
    /// </summary>
    public Ready<QuorumPacket> Start()
    {
        var ready = new ReadyBuilder<QuorumPacket>();
        foreach (var txn in _startLog.Txns)
            if (txn.Zxid > _startLog.AppliedZxid) ready.Apply(txn);
        _barrierDeadline = _halfTicks + _options.InitLimitHalfTicks;
        ProposeEpoch(ready, MyId, AcceptedEpoch);
        return ready.Build();
    }

    public Ready<QuorumPacket> Step(long from, QuorumPacket packet)
    {
        var ready = new ReadyBuilder<QuorumPacket>();
        if (_stopped) return ready.Build();
        if (packet.Type is QuorumPacketType.FollowerInfo or QuorumPacketType.ObserverInfo)
        {
            ReceiveLearnerInfo(ready, from, packet);
            return ready.Build();
        }
        if (!_learners.TryGetValue(from, out var learner)) return ready.Build();
        learner.AckDeadlineTick = CurrentTick + _options.SyncLimit;
        switch (learner.Phase)
        {
            case LearnerPhase.AwaitingAckEpoch:
                ReceiveAckEpoch(ready, learner, packet);
                break;
            case LearnerPhase.AwaitingNewLeaderAck:
                ReceiveNewLeaderAck(ready, learner, packet);
                break;
            case LearnerPhase.AwaitingStartup or LearnerPhase.Serving:
                if (packet.Type == QuorumPacketType.Ack) ProcessAck(ready, learner, packet.Zxid);
                // PING replies only prove liveness here; REQUEST/REVALIDATE are the caller's (sessions).
                break;
            default:
                Drop(ready, learner); // a packet the handshake does not expect
                break;
        }
        return ready.Build();
    }

    /// <summary>The learner's connection closed: stop forwarding to it.</summary>
    public Ready<QuorumPacket> LearnerDisconnected(long sid)
    {
        _learners.Remove(sid);
        return Ready<QuorumPacket>.Empty;
    }

    private void Drop(ReadyBuilder<QuorumPacket> ready, LearnerHandlerState learner)
    {
        _learners.Remove(learner.Sid);
        ready.Disconnect(learner.Sid);
    }

    private void Stop(ReadyBuilder<QuorumPacket> ready, string reason)
    {
        _stopped = true;
        foreach (var sid in _learners.Keys) ready.Disconnect(sid);
        _learners.Clear();
        ready.Role(new BackToLooking(reason));
    }

    private IEnumerable<LearnerHandlerState> Forwarding(bool participants) =>
        _learners.Values.Where(l => l.Forwarding && l.IsParticipant == participants).OrderBy(l => l.Sid);
}
