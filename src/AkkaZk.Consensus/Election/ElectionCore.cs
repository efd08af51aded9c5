using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>
/// Fast leader election (QUORUM 3.2/3.3) as a pure state machine. <see cref="StartLooking"/> begins a round,
/// <see cref="Step"/> takes a notification from a peer (the sid comes from the connection), <see cref="Tick"/>
/// advances time by <see cref="ElectionOptions.TickMillis"/>. Messages to self are handled inside.
/// Covers one static config: a received config with a higher version is not adopted (reconfig is disabled).
/// </summary>
public sealed partial class ElectionCore
{
    private readonly ElectionOptions _options;
    private readonly Dictionary<long, Vote> _recvSet = [];
    private readonly Dictionary<long, Vote> _outOfElection = [];
    private long _initLastLoggedZxid;
    private long _initPeerEpoch;
    private long _now;
    private long _lastReceivedTick;
    private int _notificationTimeout;
    private long? _finalizeDeadline;

    public ElectionCore(long myId, QuorumConfig config, ElectionOptions options, long lastLoggedZxid, long currentEpoch)
    {
        MyId = myId;
        Config = config;
        _options = options;
        State = ServerState.Looking;
        // QuorumPeer's starting vote: itself, with its log and epoch, in no round yet.
        CurrentVote = new Vote(myId, lastLoggedZxid, -1, currentEpoch);
        Proposal = CurrentVote;
        _initLastLoggedZxid = lastLoggedZxid;
        _initPeerEpoch = currentEpoch;
        _lastLoggedZxid = lastLoggedZxid;
        _currentEpoch = currentEpoch;
    }

    public long MyId { get; }
    public QuorumConfig Config { get; private set; }
    public ServerState State { get; private set; }

    /// <summary>The election round (FastLeaderElection.logicalclock).</summary>
    public long LogicalClock { get; private set; }

    /// <summary>What this server proposes in the current round (meaningful while LOOKING).</summary>
    public Vote Proposal { get; private set; }

    /// <summary>The last election's outcome, which is what a non-LOOKING server answers with.</summary>
    public Vote CurrentVote { get; private set; }

    /// <summary>True while a quorum agrees with the proposal and the core waits finalizeWait for a better vote.</summary>
    public bool IsFinalizing => _finalizeDeadline.HasValue;

    /// <summary>The current wait before notifications are sent again (doubles to the maximum while nothing arrives).</summary>
    public int NotificationTimeoutTicks => _notificationTimeout;

    private bool IAmVoter => Config.IsVoter(MyId);

    /// <summary>
    /// QuorumPeer.processReconfig → restartLeaderElection: later rounds use <paramref name="config"/> (its voters and
    /// the string sent in notifications).
    /// </summary>
    public void Reconfigure(QuorumConfig config)
    {
        if (config.Version > Config.Version) Config = config;
    }

    /// <summary>
    /// lookForLeader's start: a new round (logicalclock + 1) proposing this server — or nobody, for an observer —
    /// with its last logged zxid and current epoch, sent to every voter.
    /// </summary>
    public Ready<Notification> StartLooking(long lastLoggedZxid, long currentEpoch)
    {
        var ready = new ReadyBuilder<Notification>();
        State = ServerState.Looking;
        LogicalClock++;
        _lastLoggedZxid = lastLoggedZxid;
        _currentEpoch = currentEpoch;
        _initLastLoggedZxid = IAmVoter ? lastLoggedZxid : long.MinValue;
        _initPeerEpoch = IAmVoter ? currentEpoch : long.MinValue;
        _recvSet.Clear();
        _outOfElection.Clear();
        _finalizeDeadline = null;
        _notificationTimeout = _options.MinNotificationTicks;
        _lastReceivedTick = _now;
        Proposal = InitialVote();
        SendNotifications(ready);
        return ready.Build();
    }

    public Ready<Notification> Step(long from, Notification n)
    {
        if (State == ServerState.Looking && NewerConfig(n) is { } adopted) return AdoptConfig(adopted);
        var ready = new ReadyBuilder<Notification>();
        if (!Config.IsVoter(from))
        {
            // WorkerReceiver: a non-voter (observer) only gets our current vote back.
            Reply(ready, from, CurrentVote, LogicalClock);
            return ready.Build();
        }
        if (State != ServerState.Looking)
        {
            if (n.State == ServerState.Looking) Reply(ready, from, CurrentVote, CurrentVote.ElectionEpoch);
            return ready.Build();
        }
        if (n.State == ServerState.Looking && n.ElectionEpoch < LogicalClock)
            Reply(ready, from, Proposal, LogicalClock);
        _lastReceivedTick = _now;
        if (_finalizeDeadline.HasValue)
        {
            // finalizeWait: anything no better than the proposal is dropped and the wait starts again.
            if (!TotalOrder(n.Leader, n.Zxid, n.PeerEpoch, Proposal.Leader, Proposal.Zxid, Proposal.PeerEpoch))
            {
                _finalizeDeadline = _now + _options.FinalizeWaitTicks;
                return ready.Build();
            }
            _finalizeDeadline = null;
        }
        Process(ready, from, n);
        return ready.Build();
    }

    public Ready<Notification> Tick()
    {
        _now++;
        var ready = new ReadyBuilder<Notification>();
        if (State != ServerState.Looking) return ready.Build();
        if (_finalizeDeadline is { } deadline)
        {
            if (_now >= deadline)
                Finish(ready, Proposal.Leader, new Vote(Proposal.Leader, Proposal.Zxid, LogicalClock, Proposal.PeerEpoch));
            return ready.Build();
        }
        if (_now - _lastReceivedTick >= _notificationTimeout)
        {
            // Nothing arrived for notTimeout: send again and back off (doubling up to the maximum).
            SendNotifications(ready);
            _notificationTimeout = Math.Min(_notificationTimeout * 2, _options.MaxNotificationTicks);
            _lastReceivedTick = _now;
        }
        return ready.Build();
    }

    /// <summary>
    /// After sync, the vote's peerEpoch becomes the new epoch so that every member answers a LOOKING server with the
    /// same (leader, peerEpoch) and it can join (QuorumPeer.updateElectionVote, ZOOKEEPER-1732).
    /// </summary>
    public void UpdateElectionVote(long newEpoch) => CurrentVote = CurrentVote with { PeerEpoch = newEpoch };

    private Vote InitialVote() =>
        new(IAmVoter ? MyId : long.MinValue, _initLastLoggedZxid, LogicalClock, _initPeerEpoch);

    private void Reply(ReadyBuilder<Notification> ready, long to, Vote vote, long electionEpoch) =>
        ready.Send(to, Notification.Create(State, vote.Leader, vote.Zxid, electionEpoch, vote.PeerEpoch, Config.ConfigString));
}
