using System.Buffers.Binary;
using AkkaZk.Actors;
using AkkaZk.Consensus;
using AkkaZk.Jute;
using AkkaZk.Jute.Quorum;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Ensemble.Zab;

/// <summary>
/// The leader role: a thin shell around <see cref="LeaderCore"/>. Listens on the quorum port with one
/// LearnerHandlerActor per learner, ticks every tickTime/2, proposes the tree's txns, and drains each Ready through
/// a <see cref="ReadyPipeline"/> (persist via the tree's journal, then send, disconnect, apply, role change).
/// REQUEST packets go to the tree to be prepared as if local; REVALIDATE is answered by the tree's session tracker;
/// PING replies touch sessions; SYNC is answered once the proposals before it are committed (QUORUM 9).
/// </summary>
public sealed partial class LeaderActor : ReceiveActor, IWithTimers
{
    private readonly EnsembleSettings _settings;
    private readonly IActorRef _tree;
    private readonly LeaderCore _core;
    private readonly ReadyPipeline _pipeline;
    private readonly Dictionary<long, IActorRef> _handlers = [];
    private readonly List<(long Zxid, long Sid)> _pendingSyncs = [];
    private QuorumListener? _listener;
    private long _lastCommitted;
    private bool _ended;

    public LeaderActor(EnsembleSettings settings, ZabProtocol.ZabStart start, IActorRef tree)
    {
        _settings = settings;
        _tree = tree;
        _core = new LeaderCore(settings.MyId, settings.Config, settings.Zab, start.Epochs, start.Log);
        _pipeline = new ReadyPipeline(actions => _tree.Tell(new ZabProtocol.Persist(actions, Self), Self), Execute);
        Receive<QuorumListener.Accepted>(m => Context.Watch(Context.ActorOf(LearnerHandlerActor.Props(m.Socket, _settings, Self))));
        Receive<LearnerHandlerActor.Identified>(m => Identified(m.Sid));
        Receive<LearnerHandlerActor.FromLearner>(m => FromLearner(m.Sid, m.Packet));
        Receive<Terminated>(m => HandlerStopped(m.ActorRef));
        Receive<ZabProtocol.Propose>(m => Propose(m.Txn));
        Receive<ZabProtocol.Persisted>(_ => _pipeline.Persisted());
        Receive<Tick>(_ => Step(_core.Tick()));
        Receive<ZabProtocol.SessionRevalidated>(AnswerRevalidate);
        Receive<GetLeaderStats>(_ => Sender.Tell(Stats(), Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(EnsembleSettings settings, ZabProtocol.ZabStart start, IActorRef tree) =>
        Actors.Props.Create(() => new LeaderActor(settings, start, tree));

    protected override void PreStart()
    {
        var me = _settings.Me;
        _listener = new QuorumListener(me.Host, me.QuorumPort, Self);
        Context.Log.LogInformation("Node {Id}: role leader, waiting for learners on quorum port {Port}, accepted epoch {Epoch}",
            _settings.MyId, me.QuorumPort, _core.AcceptedEpoch);
        Timers.StartPeriodicTimer("tick", Tick.Instance, _settings.HalfTick);
        Step(_core.Start());
    }

    protected override void PostStop() => _listener?.Dispose();

    private void Step(Ready<QuorumPacket> ready)
    {
        if (!_ended) _pipeline.Add(ready);
    }

    private void Identified(long sid)
    {
        if (_handlers.TryGetValue(sid, out var old) && !old.Equals(Sender))
        {
            Context.Unwatch(old);
            Context.Stop(old);
            Step(_core.LearnerDisconnected(sid));
        }
        _handlers[sid] = Sender;
        Context.Log.LogInformation("Node {Id}: learner {Sid} connected", _settings.MyId, sid);
    }

    private void HandlerStopped(IActorRef handler)
    {
        foreach (var (sid, known) in _handlers.ToList())
        {
            if (!known.Equals(handler)) continue;
            _handlers.Remove(sid);
            Context.Log.LogInformation("Node {Id}: learner {Sid} lost", _settings.MyId, sid);
            Step(_core.LearnerDisconnected(sid));
        }
    }

    private void FromLearner(long sid, QuorumPacket packet)
    {
        switch (packet.Type)
        {
            case QuorumPacketType.Request:
                ForwardRequest(sid, packet);
                return;
            case QuorumPacketType.Revalidate:
                RevalidateSession(sid, packet);
                return;
            case QuorumPacketType.Ping when packet.Data is { Length: > 0 } table:
                _tree.Tell(new ZabProtocol.TouchSessions(ParseTouchTable(table)), Self);
                break;
        }
        Step(_core.Step(sid, packet));
    }

    private void Propose(ZabTxn txn)
    {
        if (_ended || _core.IsStopped || !_core.IsEstablished) return; // the tree is rebuilt after a step-down
        Step(_core.Propose(txn));
    }

    private void Execute(Ready<QuorumPacket> ready)
    {
        if (_ended) return;
        foreach (var group in ready.Send.GroupBy(o => o.To))
        {
            if (!_handlers.TryGetValue(group.Key, out var handler)) continue;
            var packets = group.Select(o => o.Message).ToList();
            handler.Tell(new LearnerHandlerActor.Send(packets), Self);
            if (packets.Any(p => p.Type == QuorumPacketType.UpToDate))
                Context.Log.LogInformation("Node {Id}: learner {Sid} synced (UPTODATE sent)", _settings.MyId, group.Key);
            if (packets.Any(p => p.Type == QuorumPacketType.Snap))
                _tree.Tell(new ZabProtocol.SerializeSnapshotTo(handler), Self);
        }
        foreach (var sid in ready.Disconnect)
        {
            if (!_handlers.Remove(sid, out var handler)) continue;
            Context.Log.LogInformation("Node {Id}: dropping learner {Sid}", _settings.MyId, sid);
            Context.Unwatch(handler);
            Context.Stop(handler);
        }
        if (ready.Apply.Count > 0)
        {
            _tree.Tell(new ZabProtocol.ApplyCommitted(ready.Apply), Self);
            _lastCommitted = ready.Apply[^1].Zxid;
            AnswerSyncs();
        }
        foreach (var activation in ready.Activate)
        {
            Context.Log.LogInformation("Node {Id}: leader activates config version 0x{Version:x} (next leader {Leader})",
                _settings.MyId, activation.Config.Version, activation.DesignatedLeader);
            Context.Parent.Tell(new ZabProtocol.ConfigActivated(activation), Self);
        }
        if (_settings.ReconfigEnabled) ShareReconfigView();
        switch (ready.RoleChange)
        {
            case Established established:
                _lastCommitted = Math.Max(_lastCommitted, ZxidUtils.MakeZxid(established.Epoch, 0));
                Context.Log.LogInformation("Node {Id}: role leader established, epoch {Epoch}, learners [{Learners}]",
                    _settings.MyId, established.Epoch, string.Join(",", _core.Learners.Order()));
                _tree.Tell(new ZabProtocol.StartLeading(Self, ZxidUtils.MakeZxid(established.Epoch, 0)), Self);
                Context.Parent.Tell(new ZabProtocol.RoleEstablished("leader", established.Epoch), Self);
                break;
            case BackToLooking looking:
                _ended = true;
                Timers.CancelAll();
                Context.Log.LogWarning("Node {Id}: role leader ends: {Reason}", _settings.MyId, looking.Reason);
                Context.Parent.Tell(new ZabProtocol.RoleEnded(looking.Reason), Self);
                break;
        }
    }

    private void Send(long sid, QuorumPacket packet)
    {
        if (_handlers.TryGetValue(sid, out var handler)) handler.Tell(new LearnerHandlerActor.Send([packet]), Self);
    }

    private static List<KeyValuePair<long, int>> ParseTouchTable(byte[] table)
    {
        var sessions = new List<KeyValuePair<long, int>>(table.Length / 12);
        for (var at = 0; at + 12 <= table.Length; at += 12)
            sessions.Add(new(BinaryPrimitives.ReadInt64BigEndian(table.AsSpan(at)), BinaryPrimitives.ReadInt32BigEndian(table.AsSpan(at + 8))));
        return sessions;
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
