using AkkaZk.DataTree;
using AkkaZk.Jute;
using AkkaZk.Server.Sessions;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Tree;

// The handshake, connection loss and session expiry (ZooKeeper's processConnectRequest and SessionTracker).
public sealed partial class DataTreeActor
{
    private void HandleConnect(SessionProtocol.ConnectSession m)
    {
        var request = m.Request;
        var connection = m.Session;
        if (request.LastZxidSeen > _tree.LastProcessedZxid)
        {
            // As ZooKeeper (and with its log line): a client that has seen a newer zxid must try another server;
            // the connection is closed with no reply.
            Context.Log.LogInformation("Refusing session request for client /{Address}:{Port} as it has seen zxid 0x{Seen:x} our last zxid " +
                "is 0x{Last:x} client must try another server", connection.RemoteAddress, connection.RemotePort, request.LastZxidSeen,
                _tree.LastProcessedZxid);
            connection.Connection.Tell(new SessionProtocol.ConnectRejected(false,
                $"client has seen zxid 0x{request.LastZxidSeen:x}, our last zxid is 0x{_tree.LastProcessedZxid:x}"), Self);
            return;
        }
        if (_role == TreeRole.ReadOnly && request.ReadOnly != true)
        {
            // As ZooKeeper's ReadOnlyZooKeeperServer: a client that did not ask for read-only must find another server.
            connection.Connection.Tell(new SessionProtocol.ConnectRejected(false, "not a read-only client, and this server is read-only"), Self);
            return;
        }
        var timeout = _settings.NegotiateTimeout(request.TimeOut);
        if (request.SessionId == 0 && _role == TreeRole.ReadOnly)
        {
            CreateReadOnlySession(connection, timeout);
        }
        else if (request.SessionId == 0)
        {
            CreateSession(connection, timeout);
        }
        else
        {
            ReattachSession(connection, request.SessionId, request.Passwd, timeout);
        }
    }

    private void CreateSession(SessionContext connection, int timeout)
    {
        var sessionId = _sessionIds.Next(id => _tracker.TryGet(id, out _));
        var tracked = _tracker.Add(sessionId, timeout, Now);
        tracked.Owner = connection;
        if (_role == TreeRole.Leading) tracked.ServerOwner = _settings.ServerId;
        connection.SessionId = sessionId;
        if (_role == TreeRole.Following)
        {
            ForwardCreateSession(connection, timeout);
            return;
        }
        var context = new PrepContext(sessionId, 0, ++_lastAssignedZxid, WallClock, connection.AuthIds);
        var txn = _preparer.PrepareCreateSession(context, timeout);
        Enqueue(new PendingTxn(txn, PendingKind.CreateSession, connection, 0, OpCode.CreateSession, Now, timeout));
    }

    private void AnswerCreateSession(PendingTxn pending)
    {
        var connection = pending.Session!;
        Context.Log.LogInformation("Session 0x{Session:x} established for {Remote}, timeout {Timeout} ms",
            connection.SessionId, connection.RemoteAddress, pending.TimeoutMs);
        connection.Connection.Tell(new SessionProtocol.ConnectAccepted(connection.SessionId, pending.TimeoutMs,
            SessionPassword.Generate(connection.SessionId), NewSession: true, _tree.LastProcessedZxid), Self);
    }

    private void ReattachSession(SessionContext connection, long sessionId, byte[] password, int timeout)
    {
        var known = _tracker.TryGet(sessionId, out var tracked);
        // As ZooKeeper: any other connection bound to the session is closed first, even if the password is wrong.
        if (known && tracked.Owner is { } previous && !ReferenceEquals(previous, connection))
        {
            previous.Connection.Tell(new SessionProtocol.CloseConnection("session moved to a new connection"), Self);
            tracked.Owner = null;
        }
        if (!SessionPassword.Verify(sessionId, password))
        {
            connection.Connection.Tell(new SessionProtocol.ConnectRejected(true, $"wrong password for session 0x{sessionId:x}"), Self);
            return;
        }
        if (_role == TreeRole.Following)
        {
            // LearnerZooKeeperServer.revalidateSession: the leader decides, even for a session not (yet) known here.
            Revalidate(connection, sessionId, timeout);
            return;
        }
        if (!known || tracked.Closing)
        {
            connection.Connection.Tell(new SessionProtocol.ConnectRejected(true, $"session 0x{sessionId:x} has expired"), Self);
            return;
        }
        // LeaderZooKeeperServer.revalidateSession: a session reattached to the leader is the leader's own.
        if (_role == TreeRole.Leading) tracked.ServerOwner = _settings.ServerId;
        AcceptReattach(connection, sessionId, timeout);
    }

    private void AcceptReattach(SessionContext connection, long sessionId, int timeout)
    {
        // Add, not SetTimeout: the leader may vouch for a session this learner has not applied the creation of.
        var tracked = _tracker.Add(sessionId, timeout, Now);
        if (_role == TreeRole.Following) _touchedSessions[sessionId] = timeout;
        tracked.Owner = connection;
        connection.SessionId = sessionId;
        Context.Log.LogInformation("Session 0x{Session:x} reattached from {Remote}, timeout {Timeout} ms", sessionId, connection.RemoteAddress, timeout);
        connection.Connection.Tell(new SessionProtocol.ConnectAccepted(sessionId, timeout, SessionPassword.Generate(sessionId),
            NewSession: false, _tree.LastProcessedZxid, ReadOnly: _role == TreeRole.ReadOnly), Self);
    }

    /// <summary>
    /// Whether the connection is the one the session is bound to. A reconnect elsewhere rebinds the session (and
    /// closes this connection), as ZooKeeper's session owner; an unknown session is left to the tracker's check.
    /// </summary>
    private bool IsOwner(SessionContext connection) =>
        !_tracker.TryGet(connection.SessionId, out var tracked) || ReferenceEquals(tracked.Owner, connection);

    /// <summary>The dump four-letter word's sessions (ExpiryQueue.dump) and ephemerals (DataTree.dumpEphemerals).</summary>
    private TreeProtocol.SessionDump DumpSessions()
    {
        long now = Now, wallNow = WallClock;
        var buckets = _tracker.Buckets
            .OrderBy(b => b.Key)
            .Select(b => new TreeProtocol.ExpiryBucket(wallNow + (b.Key - now), b.Value.Order().ToList()))
            .ToList();
        var ephemerals = _tree.EphemeralsBySession.OrderBy(e => e.Key).ToList();
        return new TreeProtocol.SessionDump(buckets, _tracker.Count, ephemerals);
    }

    private void HandleConnectionClosed(SessionProtocol.ConnectionClosed m)
    {
        _tree.RemoveWatcher(m.Session.Watcher);
        ForgetRevalidation(m.Session);
        if (_readOnlySessions.Remove(m.Session.SessionId)) _tracker.Remove(m.Session.SessionId);
        if (m.Session.SessionId != 0 && _tracker.TryGet(m.Session.SessionId, out var tracked) && ReferenceEquals(tracked.Owner, m.Session))
            tracked.Owner = null;
    }

    private void ExpireSessions()
    {
        if (_role == TreeRole.Following) ReportTouchedSessions();
        // As ZooKeeper: only the leader (or a standalone server) expires sessions.
        if (_role is not (TreeRole.Standalone or TreeRole.Leading)) return;
        foreach (var sessionId in _tracker.ExpireDue(Now))
        {
            _tracker.TryGet(sessionId, out var tracked);
            Context.Log.LogInformation("Expiring session 0x{Session:x}, timeout of {Timeout} ms exceeded", sessionId, tracked?.TimeoutMs);
            var context = new PrepContext(sessionId, 0, ++_lastAssignedZxid, WallClock, []);
            var txn = _preparer.PrepareCloseSession(context);
            Enqueue(new PendingTxn(txn, PendingKind.ExpireSession, tracked?.Owner, 0, OpCode.CloseSession, Now));
        }
    }

    private sealed class SessionTick
    {
        public static readonly SessionTick Instance = new();
    }
}
