using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>
/// ZAB learner (QUORUM 5.1, 7.2, 7.3) as a pure state machine: a follower, or an observer when
/// <paramref name="isObserver"/>. <see cref="Start"/> sends FOLLOWERINFO/OBSERVERINFO; <see cref="Step"/> takes each
/// packet from the leader; <see cref="Tick"/> is called every tickTime/2; <see cref="ConnectionLost"/> when the
/// leader's socket closes. A SNAP is stepped after the caller has loaded the snapshot stream that follows it into
/// its state machine. PING replies carry no session table; the caller fills in its touch table.
/// </summary>
public sealed partial class FollowerCore
{
    private readonly ZabOptions _options;
    private readonly List<ZabTxn> _log;
    private long _halfTicks;
    private long _lastHeard;

    public FollowerCore(long myId, long leaderId, QuorumConfig config, ZabOptions options, EpochState epochs, ZabLog log,
        bool isObserver = false)
    {
        MyId = myId;
        LeaderId = leaderId;
        Config = config;
        _options = options;
        IsObserver = isObserver;
        AcceptedEpoch = epochs.AcceptedEpoch;
        CurrentEpoch = epochs.CurrentEpoch;
        _log = [.. log.Txns.Where(t => t.Zxid > log.AppliedZxid)];
        SnapshotZxid = log.BaseZxid;
        LastLoggedZxid = log.LastLoggedZxid;
        AppliedZxid = log.AppliedZxid;
    }

    public long MyId { get; }
    public long LeaderId { get; }
    /// <summary>The activated config (its version goes into FOLLOWERINFO).</summary>
    public QuorumConfig Config { get; private set; }

    public bool IsObserver { get; }
    public long AcceptedEpoch { get; private set; }
    public long CurrentEpoch { get; private set; }
    public long LastLoggedZxid { get; private set; }

    /// <summary>The zxid of the newest durable snapshot (ZabLog.BaseZxid): a TRUNC cannot go below it.</summary>
    public long SnapshotZxid { get; private set; }

    /// <summary>The last txn applied to the state machine (lastProcessedZxid).</summary>
    public long AppliedZxid { get; private set; }

    /// <summary>The epoch the leader announced (LEADERINFO), −1 before.</summary>
    public long NewEpoch { get; private set; } = -1;

    public bool IsEstablished => _phase == FollowerPhase.Broadcast;
    public bool IsStopped => _phase == FollowerPhase.Stopped;

    /// <summary>Logged txns not yet committed, oldest first (FollowerZooKeeperServer.pendingTxns).</summary>
    public int PendingCount => _pending.Count;

    private FollowerPhase _phase = FollowerPhase.Connecting;

    /// <summary>registerWithLeader: FOLLOWERINFO (or OBSERVERINFO) with makeZxid(acceptedEpoch, 0).</summary>
    public Ready<QuorumPacket> Start()
    {
        var ready = new ReadyBuilder<QuorumPacket>();
        _lastHeard = _halfTicks;
        _phase = FollowerPhase.AwaitingLeaderInfo;
        var type = IsObserver ? QuorumPacketType.ObserverInfo : QuorumPacketType.FollowerInfo;
        ready.Send(LeaderId, new QuorumPacket(type, ZxidUtils.MakeZxid(AcceptedEpoch, 0),
            LearnerInfo.Current(MyId, Config.Version).ToBytes()));
        return ready.Build();
    }

    public Ready<QuorumPacket> Step(QuorumPacket packet)
    {
        var ready = new ReadyBuilder<QuorumPacket>();
        if (_phase is FollowerPhase.Stopped or FollowerPhase.Connecting) return ready.Build();
        _lastHeard = _halfTicks;
        packet = WithoutActivation(packet);
        switch (_phase)
        {
            case FollowerPhase.AwaitingLeaderInfo:
                ReceiveLeaderInfo(ready, packet);
                break;
            case FollowerPhase.AwaitingSyncMode:
                ReceiveSyncMode(ready, packet);
                break;
            case FollowerPhase.Syncing:
                ReceiveDuringSync(ready, packet);
                break;
            case FollowerPhase.AwaitingUpToDate:
                ReceiveAfterNewLeader(ready, packet);
                break;
            case FollowerPhase.Broadcast:
                ReceiveBroadcast(ready, packet);
                break;
        }
        return ready.Build();
    }

    /// <summary>The leader's socket read timed out: initLimit until NEWLEADER, syncLimit after.</summary>
    public Ready<QuorumPacket> Tick()
    {
        _halfTicks++;
        var ready = new ReadyBuilder<QuorumPacket>();
        if (_phase is FollowerPhase.Stopped or FollowerPhase.Connecting) return ready.Build();
        var limit = _phase is FollowerPhase.AwaitingUpToDate or FollowerPhase.Broadcast
            ? _options.SyncLimitHalfTicks
            : _options.InitLimitHalfTicks;
        if (_halfTicks - _lastHeard > limit) Stop(ready, "Read timed out from the leader");
        return ready.Build();
    }

    public Ready<QuorumPacket> ConnectionLost()
    {
        var ready = new ReadyBuilder<QuorumPacket>();
        if (_phase != FollowerPhase.Stopped) Stop(ready, "connection to the leader lost");
        return ready.Build();
    }

    private void Stop(ReadyBuilder<QuorumPacket> ready, string reason)
    {
        _phase = FollowerPhase.Stopped;
        ready.Role(new BackToLooking(reason));
    }

    private void Send(ReadyBuilder<QuorumPacket> ready, int type, long zxid, byte[]? data = null) =>
        ready.Send(LeaderId, new QuorumPacket(type, zxid, data));

    private void ApplyTxn(ReadyBuilder<QuorumPacket> ready, ZabTxn txn)
    {
        ready.Apply(txn);
        AppliedZxid = txn.Zxid;
        if (_activateOnApply.Remove(txn.Zxid, out var designated)) Activate(ready, ConfigActivation.FromTxn(txn), designated);
    }
}
