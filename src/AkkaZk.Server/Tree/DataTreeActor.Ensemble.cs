using AkkaZk.Actors;
using AkkaZk.Consensus;
using AkkaZk.DataTree;
using AkkaZk.Jute;
using AkkaZk.Jute.Quorum;
using AkkaZk.Server.Ensemble.Zab;
using AkkaZk.Server.Sessions;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Tree;

// Ensemble mode (ZooKeeper's Leader/Follower/ObserverZooKeeperServer pipelines): the leader proposes what it
// prepares and applies on commit; a learner forwards writes, createSession, closeSession and sync to the leader
// and answers its clients when the matching (session, cxid) txn commits; every server applies committed txns.
public sealed partial class DataTreeActor
{
    private readonly Dictionary<(long SessionId, int Cxid), ForwardedWrite> _forwarded = [];
    private readonly Queue<SessionProtocol.ClientRequest> _pendingSyncs = new();
    private readonly Dictionary<long, int> _touchedSessions = [];
    private TreeRole _role = TreeRole.Standalone;
    private IActorRef _roleActor = ActorRefs.Nobody;

    private void EnsembleHandlers()
    {
        ReconfigHandlers();
        Receive<ZabProtocol.ApplyCommitted>(m =>
        {
            foreach (var txn in m.Txns) ApplyCommitted(txn);
        });
        Receive<ZabProtocol.Persist>(Persist);
        Receive<ZabProtocol.LoadSnapshot>(m => LoadSnapshot(m.Body, m.Zxid));
        Receive<ZabProtocol.SerializeSnapshotTo>(m => m.Handler.Tell(new ZabProtocol.SnapshotBody(SerializeTree()), Self));
        Receive<ZabProtocol.StartLeading>(m =>
        {
            _role = TreeRole.Leading;
            _roleActor = m.Leader;
            _digestPredictor.Reset();
            // Leader.startZkServer: the next zxid is (epoch, 1); the tree reports (epoch, 0) until then.
            _lastAssignedZxid = m.EpochZxid;
            _tree.LastProcessedZxid = Math.Max(_tree.LastProcessedZxid, m.EpochZxid);
        });
        Receive<ZabProtocol.StartFollowing>(m =>
        {
            _role = TreeRole.Following;
            _roleActor = m.Learner;
        });
        Receive<ZabProtocol.ForwardedRequest>(PrepareForwarded);
        Receive<ZabProtocol.TouchSessions>(m =>
        {
            foreach (var (sessionId, _) in m.Sessions) _tracker.Touch(sessionId, Now);
        });
        Receive<ZabProtocol.SyncCompleted>(_ => CompleteSync());
        Receive<TreeProtocol.ServeReadOnly>(_ => EnterReadOnly());
        Receive<TreeProtocol.StopReadOnly>(_ => LeaveReadOnly());
    }

    private bool TouchSession(long sessionId)
    {
        if (!_tracker.Touch(sessionId, Now)) return false;
        if (_role == TreeRole.Following && _tracker.TryGet(sessionId, out var tracked)) _touchedSessions[sessionId] = tracked.TimeoutMs;
        return true;
    }

    private void ReportTouchedSessions()
    {
        if (_touchedSessions.Count == 0) return;
        _roleActor.Tell(new ZabProtocol.SessionsTouched(new Dictionary<long, int>(_touchedSessions)), Self);
        _touchedSessions.Clear();
    }

    private void ApplyCommitted(ZabTxn committed)
    {
        if (_pending.Count > 0 && _pending.Peek().Txn.Zxid == committed.Zxid)
        {
            var own = _pending.Dequeue();
            Apply(own);
            // As ZooKeeper's leader, which checks its precalculated digest against its tree like any member.
            CompareDigest(own.Txn, own.Digest);
            return;
        }
        var (txn, digest) = TxnLogEntry.Decode(committed.Data);
        Apply(_forwarded.Remove((txn.Header.ClientId, txn.Header.Cxid), out var waiting)
            ? new PendingTxn(txn, waiting.Kind, waiting.Session, waiting.Xid, waiting.OpCode, waiting.Timestamp, waiting.TimeoutMs)
            : new PendingTxn(txn, PendingKind.Replicated, null, txn.Header.Cxid, txn.Type, Now));
        CompareDigest(txn, digest);
    }

    /// <summary>Every server keeps the global sessions: createSession adds one, closeSession removes it and its connection.</summary>
    private void TrackReplicatedSession(PendingTxn pending)
    {
        var sessionId = pending.Txn.Header.ClientId;
        switch (pending.Txn.Type)
        {
            case OpCode.CreateSession when pending.Txn.Body is CreateSessionTxn create && !_tracker.TryGet(sessionId, out _):
                _tracker.Add(sessionId, create.TimeOut, Now);
                break;
            case OpCode.CloseSession when pending.Kind == PendingKind.Replicated:
                if (_tracker.TryGet(sessionId, out var tracked) && tracked.Owner is { } owner)
                    owner.Connection.Tell(new SessionProtocol.CloseConnection("session closed by the leader"), Self);
                _tracker.Remove(sessionId);
                break;
        }
    }

    private void ForwardToLeader(SessionProtocol.ClientRequest request)
    {
        var session = request.Session;
        session.WritesSubmitted++;
        if (request.OpCode == OpCode.Sync) _pendingSyncs.Enqueue(request);
        else _forwarded[(session.SessionId, request.Xid)] = new ForwardedWrite(PendingKind.ClientWrite, session, request.Xid, request.OpCode, request.Timestamp);
        if (request.OpCode == OpCode.CloseSession) _tracker.SetClosing(session.SessionId);
        var body = Array.Empty<byte>();
        if (request.Record is { } record && request.Problem == RequestProblem.None)
        {
            _txnWriter.Reset();
            record.Write(_txnWriter);
            body = _txnWriter.ToArray();
        }
        _roleActor.Tell(new ZabProtocol.ForwardedRequest(session.SessionId, request.Xid, request.OpCode, body, session.AuthIds), Self);
    }

    /// <summary>ZooKeeperServer.createSession on a learner: the id is picked here, the txn comes from the leader.</summary>
    private void ForwardCreateSession(SessionContext connection, int timeout)
    {
        _forwarded[(connection.SessionId, 0)] = new ForwardedWrite(PendingKind.CreateSession, connection, 0, OpCode.CreateSession, Now, timeout);
        var body = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(body, timeout);
        _roleActor.Tell(new ZabProtocol.ForwardedRequest(connection.SessionId, 0, OpCode.CreateSession, body, connection.AuthIds), Self);
    }

    /// <summary>The leader preps a learner's request as if local (PrepRequestProcessor); the learner answers its client.</summary>
    private void PrepareForwarded(ZabProtocol.ForwardedRequest m)
    {
        if (_role != TreeRole.Leading) return;
        var context = new PrepContext(m.SessionId, m.Cxid, ++_lastAssignedZxid, WallClock, m.AuthInfo);
        Txn txn;
        switch (m.OpCode)
        {
            case OpCode.CreateSession:
                var timeout = m.Body.Length >= 4 ? System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(m.Body) : _settings.MinSessionTimeoutMs;
                _tracker.Add(m.SessionId, timeout, Now).ServerOwner = m.Learner;
                txn = _preparer.PrepareCreateSession(context, timeout);
                break;
            case not OpCode.CloseSession when !OwnedBy(m.SessionId, m.Learner):
                // PrepRequestProcessor.checkSession: the session moved to another server since; the learner closes
                // its client's connection when this error txn commits.
                LogSessionMoved(m.SessionId, m.Cxid, m.OpCode);
                txn = ErrorTxn(context, ErrorCode.SessionMoved);
                break;
            default:
                _tracker.Touch(m.SessionId, Now);
                var record = DecodeForwarded(m.OpCode, m.Body);
                txn = PrepareWrite(context, m.OpCode, record, malformed: record is null && m.OpCode != OpCode.CloseSession);
                break;
        }
        Enqueue(new PendingTxn(txn, PendingKind.Replicated, null, m.Cxid, m.OpCode, Now));
    }

    private IRequestRecord? DecodeForwarded(int opCode, byte[] body)
    {
        if (opCode == OpCode.CloseSession || body.Length == 0) return null;
        try
        {
            var reader = new JuteReader(body);
            return RequestDecoder.Decode(opCode, ref reader);
        }
        catch (JuteException ex)
        {
            Context.Log.LogWarning("Forwarded request (opcode {OpCode}) does not decode: {Reason}", opCode, ex.Message);
            return null;
        }
    }

    private void CompleteSync()
    {
        if (!_pendingSyncs.TryDequeue(out var request)) return;
        var session = request.Session;
        var path = request.Record is SyncRequest sync ? sync.Path : "/";
        session.Connection.Tell(new SessionProtocol.ClientReply(request.Xid, request.OpCode, _tree.LastProcessedZxid, 0,
            new SyncResponse(path), request.Timestamp, false), Self);
        session.WritesCompleted++;
        DrainDeferredReads(session);
    }

    private void Persist(ZabProtocol.Persist m)
    {
        var steps = m.Actions.Select(action => action is TakeSnapshot snapshot
            ? new TreeProtocol.SnapshotPayload(snapshot.Zxid, SerializeTree(), snapshot.ReplacesLog, SnapshotDigest)
            : (object)action).ToList();
        _journal.Tell(new TreeProtocol.ZabPersist(steps, m.ReplyTo), Self);
    }

    private byte[] SerializeTree()
    {
        using var payload = new MemoryStream();
        SnapshotSerializer.Serialize(_tree, payload);
        return payload.ToArray();
    }

    /// <summary>Learner.syncWithLeader on SNAP: the leader's snapshot replaces the tree and the sessions.</summary>
    private void LoadSnapshot(byte[] body, long zxid)
    {
        _tree = SnapshotSerializer.Deserialize(new MemoryStream(body), zxid, _settings.Journal.ExtendedTypesEnabled);
        _tree.DigestEnabled = _settings.DigestEnabled;
        _preparer = new TxnPreparer(_tree, _settings.Prep);
        _digestPredictor = new DigestPredictor(_tree);
        _lastAssignedZxid = _tree.LastProcessedZxid;
        foreach (var session in _tracker.Sessions.ToList()) _tracker.Remove(session.SessionId);
        foreach (var (sessionId, timeout) in _tree.SessionsWithTimeouts) _tracker.Add(sessionId, timeout, Now);
        Context.Log.LogInformation("Tree replaced by the leader's snapshot at 0x{Zxid:x}: {Nodes} nodes, {Sessions} sessions",
            zxid, _tree.NodeCount, _tracker.Count);
    }
}
