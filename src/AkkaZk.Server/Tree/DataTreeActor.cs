using AkkaZk.Actors;
using AkkaZk.DataTree;
using AkkaZk.Jute;
using AkkaZk.Consensus;
using AkkaZk.Persistence;
using AkkaZk.Server.Ensemble.Zab;
using AkkaZk.Server.Sessions;
using AkkaZk.Server.Stats;
using Microsoft.Extensions.Logging;
using ZkTree = AkkaZk.DataTree.DataTree;

namespace AkkaZk.Server.Tree;

/// <summary>
/// The persistent owner of the data tree (standalone: an ensemble of one). Recovers from snapshot + journal
/// (stashing requests meanwhile), prepares each write as a txn, journals txns in group-committed batches and
/// applies them only once durable, then replies. Reads are answered from the tree, behind the same
/// connection's pending writes. Also the session tracker: every request touches its session; a tick expires
/// the sessions whose deadline passed by a closeSession txn.
/// </summary>
public sealed partial class DataTreeActor : ReceiveActor, IWithStash, IWithTimers
{
    private readonly TreeSettings _settings;
    private readonly Queue<PendingTxn> _pending = new();
    private List<SerializedTxn> _unflushed = new();
    private readonly SessionTracker _tracker;
    private readonly JuteWriter _txnWriter = new(256);
    private readonly NamespaceMetrics _namespaces = new();
    private IActorRef _journal = ActorRefs.Nobody;
    private ZkTree _tree = new();
    private TxnPreparer _preparer = null!;
    private SnapshotPolicy _snapshotPolicy = null!;
    private SessionIdGenerator _sessionIds = null!;
    private long _lastAssignedZxid;
    private bool _flushInFlight;
    private int _txnsSinceSnapshot;
    private int _lastSnapshotBytes;

    public DataTreeActor(TreeSettings settings)
    {
        _settings = settings;
        _tracker = new SessionTracker(settings.TickMs);
        Recovering();
    }

    public IStash Stash { get; set; } = null!;
    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(TreeSettings settings) => Actors.Props.Create(() => new DataTreeActor(settings));

    private static long Now => Environment.TickCount64;
    private static long WallClock => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    protected override void PreStart()
    {
        _journal = Context.ActorOf(JournalActor.Props(_settings.Journal), "journal");
        _journal.Tell(new TreeProtocol.Recover(_settings.Ensemble), Self);
    }

    // A journal failure must not be papered over by a restart that forgets the batch in flight: escalate.
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(0, TimeSpan.Zero, _ => Directive.Escalate);

    private void Recovering()
    {
        Receive<TreeProtocol.Recovered>(OnRecovered);
        ReceiveAny(_ => Stash.Stash());
    }

    private void Serving()
    {
        Receive<SessionProtocol.ClientRequest>(HandleClientRequest);
        Receive<SessionProtocol.ConnectSession>(HandleConnect);
        Receive<SessionProtocol.ConnectionClosed>(HandleConnectionClosed);
        Receive<TreeProtocol.BatchPersisted>(OnBatchPersisted);
        EnsembleHandlers();
        SessionMoveHandlers();
        Receive<SessionTick>(_ => ExpireSessions());
        Receive<ContainerCheck>(_ => CheckContainers());
        Receive<DeleteNextContainerTick>(_ => DeleteNextContainer());
        Receive<TreeProtocol.GetSessionDump>(_ => Sender.Tell(DumpSessions(), Self));
        Receive<TreeProtocol.ResetMetrics>(_ => _namespaces.Reset());
        Receive<TreeProtocol.GetDigestHistory>(_ => Sender.Tell(new TreeProtocol.DigestHistory(_tree.DigestHistory), Self));
        Receive<TreeProtocol.GetTreeStats>(_ => Sender.Tell(new TreeProtocol.TreeStats(_tree.LastProcessedZxid, _tree.NodeCount,
            _tree.WatchCount, _tree.EphemeralCount, _tree.ApproximateDataSize, _tracker.Count, _tree.GetWatchStatistics(),
            _namespaces.Snapshot()) { DigestMismatches = _digestMismatches }, Self));
    }

    private void OnRecovered(TreeProtocol.Recovered m)
    {
        _tree = m.Tree;
        _tree.DigestEnabled = _settings.DigestEnabled;
        if (_settings.DigestEnabled) _digestMismatches += m.Result.DigestMismatches;
        _preparer = new TxnPreparer(_tree, _settings.Prep);
        _digestPredictor = new DigestPredictor(_tree);
        _snapshotPolicy = new SnapshotPolicy(_settings.Journal.SnapCount, new Random());
        _lastAssignedZxid = _tree.LastProcessedZxid;
        _sessionIds = new SessionIdGenerator(_settings.ServerId == 0 ? 1 : _settings.ServerId, WallClock);
        // As ZooKeeper after a restart: every recovered session gets a full timeout from now.
        foreach (var (sessionId, timeout) in _tree.SessionsWithTimeouts) _tracker.Add(sessionId, timeout, Now);
        Timers.StartPeriodicTimer("session-tick", SessionTick.Instance, TimeSpan.FromMilliseconds(_settings.TickMs));
        StartContainerManager();
        Context.Log.LogInformation(
            "Tree recovered: last zxid 0x{Zxid:x}, {Nodes} nodes, {Sessions} sessions, snapshot 0x{Snap:x} + {Replayed} txns in {Ms} ms",
            _tree.LastProcessedZxid, _tree.NodeCount, _tracker.Count, m.Result.SnapshotZxid, m.Result.TxnsReplayed,
            (long)m.Result.Elapsed.TotalMilliseconds);
        _role = _settings.Ensemble ? TreeRole.Looking : TreeRole.Standalone;
        Context.Parent.Tell(new TreeProtocol.TreeRecovered(_tree.LastProcessedZxid, _tree.NodeCount, m.Result.TxnsReplayed, m.Result.Elapsed)
        {
            Zab = m.Zab,
        }, Self);
        Become(Serving);
        Stash.UnstashAll();
    }

    private void HandleClientRequest(SessionProtocol.ClientRequest request)
    {
        var session = request.Session;
        if (!IsOwner(session))
        {
            // The session moved to a newer connection (which closed this one): as ZooKeeper, a request still
            // arriving on the old connection is not executed; a standalone server just closes it.
            session.Connection.Tell(new SessionProtocol.CloseConnection("session moved to another connection"), Self);
            return;
        }
        if (!TouchSession(session.SessionId))
        {
            if (_tracker.TryGet(session.SessionId, out _))
            {
                // Closing (closeSession or expiry under way): as ZooKeeper's checkSession, SessionExpired in order,
                // so the replies to the requests before it (and the closeSession's own) still go out first.
                ReplyInOrder(request, (int)ErrorCode.SessionExpired, null);
                return;
            }
            // An unknown session: the request is dropped and its connection closed.
            session.Connection.Tell(new SessionProtocol.CloseConnection("session expired"), Self);
            return;
        }
        // As PrepRequestProcessor.checkSession on the leader (closeSession excepted): the session must be ours.
        if (_role == TreeRole.Leading && request.OpCode != OpCode.CloseSession && !OwnedBy(session.SessionId, _settings.ServerId))
        {
            RefuseMovedSession(request);
            return;
        }
        if (request.Problem == RequestProblem.Unimplemented)
        {
            ReplyInOrder(request, (int)ErrorCode.Unimplemented, null, zxid: -1, closeAfter: true);
            return;
        }
        if (_role == TreeRole.ReadOnly && (WriteRequestTranslator.IsWrite(request.OpCode) || request.OpCode == OpCode.Sync))
        {
            AnswerReadOnly(request);
            return;
        }
        if (_role == TreeRole.Following && (WriteRequestTranslator.IsWrite(request.OpCode) || request.OpCode == OpCode.Sync))
        {
            ForwardToLeader(request);
            return;
        }
        if (WriteRequestTranslator.IsWrite(request.OpCode))
        {
            SubmitWrite(request);
            return;
        }
        if (request.Problem == RequestProblem.Malformed)
        {
            ReplyInOrder(request, (int)ErrorCode.MarshallingError, null);
            return;
        }
        if (session.WritesSubmitted > session.WritesCompleted)
        {
            (session.DeferredReads ??= new Queue<DeferredRead>()).Enqueue(new DeferredRead(session.WritesSubmitted, request));
            return;
        }
        ExecuteRead(request);
    }

    private void ReplyInOrder(SessionProtocol.ClientRequest request, int err, IResponseRecord? body, long? zxid = null, bool closeAfter = false)
    {
        var session = request.Session;
        var reply = new SessionProtocol.ClientReply(request.Xid, request.OpCode, zxid ?? _tree.LastProcessedZxid, err, body, request.Timestamp, closeAfter);
        if (session.WritesSubmitted > session.WritesCompleted)
            (session.DeferredReads ??= new Queue<DeferredRead>()).Enqueue(new DeferredRead(session.WritesSubmitted, reply));
        else
            session.Connection.Tell(reply, Self);
    }

    private void ExecuteRead(SessionProtocol.ClientRequest request)
    {
        var (err, body) = ReadProcessor.Execute(_tree, request.Session, request.OpCode, request.Record, _namespaces);
        // The reply zxid is the tree's last processed zxid, as ZooKeeper's FinalRequestProcessor.
        request.Session.Connection.Tell(new SessionProtocol.ClientReply(request.Xid, request.OpCode, _tree.LastProcessedZxid, err, body, request.Timestamp, false), Self);
    }

    /// <summary>Prepares and submits a write; with <paramref name="refused"/>, an error txn of that code instead.</summary>
    private void SubmitWrite(SessionProtocol.ClientRequest request, ErrorCode? refused = null)
    {
        var session = request.Session;
        var context = new PrepContext(session.SessionId, request.Xid, ++_lastAssignedZxid, WallClock, session.AuthIds);
        var txn = refused is { } code
            ? ErrorTxn(context, code)
            : PrepareWrite(context, request.OpCode, request.Record, request.Problem == RequestProblem.Malformed);
        session.WritesSubmitted++;
        Enqueue(new PendingTxn(txn, PendingKind.ClientWrite, session, request.Xid, request.OpCode, request.Timestamp));
    }

    /// <summary>PrepRequestProcessor for one write (closeSession marks the session closing first).</summary>
    private Txn PrepareWrite(PrepContext context, int opCode, IRequestRecord? record, bool malformed)
    {
        if (malformed) return ErrorTxn(context, ErrorCode.MarshallingError);
        if (opCode == OpCode.CloseSession)
        {
            _tracker.SetClosing(context.SessionId);
            return _preparer.PrepareCloseSession(context);
        }
        if (opCode == OpCode.Reconfig) return PrepareReconfig(context, record);
        if (record is MultiRequest multi)
        {
            var ops = WriteRequestTranslator.ToPrepOps(multi);
            return ops is null ? ErrorTxn(context, ErrorCode.MarshallingError) : _preparer.PrepareMulti(context, ops);
        }
        var op = WriteRequestTranslator.ToPrepOp(opCode, record);
        return op is null ? ErrorTxn(context, ErrorCode.MarshallingError) : _preparer.Prepare(context, op);
    }

    private static Txn ErrorTxn(PrepContext context, ErrorCode code) =>
        new(new TxnHeader(context.SessionId, context.Cxid, context.Zxid, context.Time, OpCode.Error), new ErrorTxn((int)code));

    private void Enqueue(PendingTxn pending)
    {
        _txnWriter.Reset();
        TxnCodec.Write(_txnWriter, pending.Txn);
        if (_role == TreeRole.Leading)
        {
            // As PrepRequestProcessor: the proposal carries the tree digest once it is applied (not on an error txn).
            var digest = _digestPredictor.Next(pending.Txn);
            digest?.Write(_txnWriter);
            _pending.Enqueue(digest is null ? pending : pending with { Digest = digest });
            // Ensemble: the leader logs, replicates and commits it; it is applied on ApplyCommitted.
            _roleActor.Tell(new ZabProtocol.Propose(new ZabTxn(pending.Txn.Zxid, _txnWriter.ToArray())), Self);
            return;
        }
        _pending.Enqueue(pending);
        _unflushed.Add(new SerializedTxn(pending.Txn.Zxid, _txnWriter.ToArray()));
        if (!_flushInFlight) FlushJournal();
    }

    /// <summary>Group commit: everything prepared while the previous batch was being fsynced goes in one batch.</summary>
    private void FlushJournal()
    {
        if (_unflushed.Count == 0) return;
        List<SerializedTxn> batch;
        if (_unflushed.Count <= _settings.JournalBatchMax)
        {
            batch = _unflushed;
            _unflushed = new List<SerializedTxn>();
        }
        else
        {
            batch = _unflushed.GetRange(0, _settings.JournalBatchMax);
            _unflushed.RemoveRange(0, _settings.JournalBatchMax);
        }
        _flushInFlight = true;
        _journal.Tell(new TreeProtocol.PersistBatch(batch), Self);
    }

    private void OnBatchPersisted(TreeProtocol.BatchPersisted m)
    {
        _flushInFlight = false;
        FlushJournal();
        while (_pending.Count > 0 && _pending.Peek().Txn.Zxid <= m.LastZxid) Apply(_pending.Dequeue());
    }
}
