using AkkaZk.Jute;
using AkkaZk.Server.Ensemble.Zab;
using AkkaZk.Server.Sessions;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Tree;

// Sessions that move between the servers of an ensemble, as ZooKeeper 3.8: a learner asks the leader to revalidate
// a reattached session (REVALIDATE) before it answers the connect; the leader answers valid only for a live session
// and records the server that owns it. A request through any other server is refused with SessionMoved.
public sealed partial class DataTreeActor
{
    private readonly Dictionary<long, PendingRevalidation> _revalidating = [];

    private void SessionMoveHandlers()
    {
        Receive<ZabProtocol.RevalidateSession>(RevalidateForLearner);
        Receive<ZabProtocol.SessionRevalidated>(FinishRevalidation);
    }

    /// <summary>
    /// Leader.revalidateSession: checkIfValidGlobalSession touches the session with the new timeout (false when it is
    /// unknown or closing), and a valid session is now owned by the learner that asked.
    /// </summary>
    private void RevalidateForLearner(ZabProtocol.RevalidateSession m)
    {
        var valid = _role == TreeRole.Leading && _tracker.IsLive(m.SessionId);
        if (valid)
        {
            _tracker.SetTimeout(m.SessionId, m.TimeoutMs, Now);
            _tracker.TryGet(m.SessionId, out var tracked);
            tracked.ServerOwner = m.Learner;
        }
        Context.Log.LogDebug("Session 0x{Session:x} revalidated for learner {Learner}: {Valid}", m.SessionId, m.Learner, valid);
        Sender.Tell(new ZabProtocol.SessionRevalidated(m.SessionId, valid, m.Learner), Self);
    }

    /// <summary>
    /// Learner.validateSession: the connect is answered once the leader has. A second reattach of the same session
    /// replaces the first, whose connection is closed (ZooKeeper would leave it unanswered). Losing the leader stops
    /// the tree and closes every connection, so none waits for ever.
    /// </summary>
    private void Revalidate(SessionContext connection, long sessionId, int timeout)
    {
        if (_revalidating.Remove(sessionId, out var earlier))
            earlier.Connection.Connection.Tell(new SessionProtocol.CloseConnection("a newer connection revalidates the session"), Self);
        _revalidating[sessionId] = new PendingRevalidation(connection, timeout);
        Context.Log.LogInformation("Revalidating client: 0x{Session:x}", sessionId);
        _roleActor.Tell(new ZabProtocol.RevalidateSession(sessionId, timeout), Self);
    }

    /// <summary>Learner.revalidate → ZooKeeperServer.finishSessionInit: the session, or the invalid ConnectResponse.</summary>
    private void FinishRevalidation(ZabProtocol.SessionRevalidated m)
    {
        if (!_revalidating.Remove(m.SessionId, out var pending))
        {
            Context.Log.LogWarning("Missing session 0x{Session:x} for validation", m.SessionId);
            return;
        }
        if (!m.Valid)
        {
            Context.Log.LogInformation("Invalid session 0x{Session:x} for client /{Address}:{Port}, probably expired", m.SessionId,
                pending.Connection.RemoteAddress, pending.Connection.RemotePort);
            pending.Connection.Connection.Tell(new SessionProtocol.ConnectRejected(true, $"session 0x{m.SessionId:x} has expired"), Self);
            return;
        }
        AcceptReattach(pending.Connection, m.SessionId, pending.TimeoutMs);
    }

    private void ForgetRevalidation(SessionContext connection)
    {
        foreach (var (sessionId, pending) in _revalidating)
        {
            if (!ReferenceEquals(pending.Connection, connection)) continue;
            _revalidating.Remove(sessionId);
            return;
        }
    }

    /// <summary>
    /// On the leader, SessionTrackerImpl.checkSession's owner test: a session nobody owns yet is claimed by the first
    /// server that uses it; true when <paramref name="server"/> owns it (or the session is unknown here).
    /// </summary>
    private bool OwnedBy(long sessionId, long server)
    {
        if (!_tracker.TryGet(sessionId, out var tracked)) return true;
        tracked.ServerOwner ??= server;
        return tracked.ServerOwner == server;
    }

    /// <summary>
    /// A request on the leader from a connection whose session moved to a learner: as ZooKeeper, a write is logged as
    /// an error txn (SessionMoved) and a read is refused; either way the connection closes without a reply.
    /// </summary>
    private void RefuseMovedSession(SessionProtocol.ClientRequest request)
    {
        LogSessionMoved(request.Session.SessionId, request.Xid, request.OpCode);
        if (WriteRequestTranslator.IsWrite(request.OpCode))
        {
            SubmitWrite(request, ErrorCode.SessionMoved);
            return;
        }
        CloseInOrder(request.Session, "session moved to another server");
    }

    private void LogSessionMoved(long sessionId, int cxid, int opCode) =>
        Context.Log.LogInformation("Got user-level KeeperException when processing sessionid:0x{Session:x} type:{Type} cxid:0x{Cxid:x} " +
            "Error:KeeperErrorCode = Session moved", sessionId, opCode, cxid);

    /// <summary>Closes the connection after the replies to the requests before this one (FinalRequestProcessor's order).</summary>
    private void CloseInOrder(SessionContext session, string reason)
    {
        var close = new SessionProtocol.CloseConnection(reason);
        if (session.WritesSubmitted > session.WritesCompleted)
            (session.DeferredReads ??= new Queue<DeferredRead>()).Enqueue(new DeferredRead(session.WritesSubmitted, close));
        else
            session.Connection.Tell(close, Self);
    }

    private sealed record PendingRevalidation(SessionContext Connection, int TimeoutMs);
}
