using System.Diagnostics;
using AkkaZk.DataTree;
using AkkaZk.Jute;
using AkkaZk.Server.Sessions;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Tree;

// Applying durable txns and answering whoever waits for them.
public sealed partial class DataTreeActor
{
    private void Apply(PendingTxn pending)
    {
        // killSession deletes the session's ephemerals, each counted as a namespace write (DataTree.deleteNode).
        var killed = pending.Txn.Type == OpCode.CloseSession ? _tree.GetEphemerals(pending.Txn.Header.ClientId) : null;
        var result = _tree.ProcessTxn(pending.Txn);
        _preparer.Applied(pending.Txn.Zxid);
        _digestPredictor.Applied(pending.Txn.Zxid);
        NamespaceWrites.Record(_namespaces, pending.Txn, result);
        if (_role != TreeRole.Standalone) TrackReplicatedSession(pending);
        foreach (var path in killed ?? []) _namespaces.Write(path, 0);
        switch (pending.Kind)
        {
            case PendingKind.ClientWrite:
                AnswerWrite(pending, result);
                break;
            case PendingKind.CreateSession:
                AnswerCreateSession(pending);
                break;
            case PendingKind.ExpireSession:
                _tracker.Remove(pending.Txn.Header.ClientId);
                pending.Session?.Connection.Tell(new SessionProtocol.CloseConnection("session expired"), Self);
                break;
            case PendingKind.ContainerDelete when result.Err != ErrorCode.Ok:
                // As ZooKeeper: the result is unimportant; a container that gained a child is simply kept.
                Context.Log.LogDebug("deleteContainer txn 0x{Zxid:x} failed: {Error}", result.Zxid, result.Err);
                break;
        }
        MaybeSnapshot();
    }

    private void AnswerWrite(PendingTxn pending, ProcessTxnResult result)
    {
        var session = pending.Session!;
        var closing = pending.OpCode == OpCode.CloseSession;
        if (closing)
        {
            _tracker.Remove(session.SessionId);
            Context.Log.LogInformation("Session 0x{Session:x} closed by its client", session.SessionId);
        }
        if (result.Err == ErrorCode.SessionMoved)
        {
            // FinalRequestProcessor: SessionMoved (a write's, or a multi's first failure) is a connection-level
            // error: no reply, the connection is closed (ZOOKEEPER-710).
            session.WritesCompleted++;
            session.Connection.Tell(new SessionProtocol.CloseConnection("session moved to another server"), Self);
            return;
        }
        var (err, body) = ReplyBuilder.ForWrite(pending.OpCode, result);
        if (err == 0 && pending.OpCode == OpCode.Reconfig) body = ReconfigReply(pending, result);
        session.Connection.Tell(new SessionProtocol.ClientReply(pending.Xid, pending.OpCode, _tree.LastProcessedZxid, err, body, pending.Timestamp, closing), Self);
        session.WritesCompleted++;
        DrainDeferredReads(session);
    }

    private void DrainDeferredReads(SessionContext session)
    {
        var queue = session.DeferredReads;
        while (queue is { Count: > 0 } && queue.Peek().AfterWrites <= session.WritesCompleted)
        {
            switch (queue.Dequeue().Request)
            {
                case SessionProtocol.ClientRequest read:
                    ExecuteRead(read);
                    break;
                case SessionProtocol.ClientReply reply:
                    session.Connection.Tell(reply, Self);
                    break;
                case SessionProtocol.CloseConnection close:
                    session.Connection.Tell(close, Self);
                    break;
            }
        }
    }

    private void MaybeSnapshot()
    {
        _txnsSinceSnapshot++;
        if (!_snapshotPolicy.ShouldSnapshot(_txnsSinceSnapshot)) return;
        _txnsSinceSnapshot = 0;
        _snapshotPolicy.Reset();
        // Taken here, between applies, so it holds exactly the txns applied so far — all of them durable.
        // Sized from the last one so a large tree is not copied over and over as the stream grows; the journal
        // writes the buffer as it is, without another copy.
        var payload = new MemoryStream(_lastSnapshotBytes + _lastSnapshotBytes / 4);
        var started = Stopwatch.GetTimestamp();
        SnapshotSerializer.Serialize(_tree, payload);
        // Requests wait meanwhile: this is the node's longest pause, so the operator sees it.
        Context.Log.LogInformation("Snapshot 0x{Zxid:x} taken: {Nodes} znodes, {Bytes} bytes in {Ms} ms; writing it in the background",
            _tree.LastProcessedZxid, _tree.NodeCount, payload.Length, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        _lastSnapshotBytes = (int)Math.Min(payload.Length, Array.MaxLength / 2);
        _journal.Tell(new TreeProtocol.SaveSnapshot(_tree.LastProcessedZxid, payload.GetBuffer().AsMemory(0, (int)payload.Length), SnapshotDigest), Self);
    }
}
