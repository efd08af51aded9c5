using AkkaZk.Jute;
using AkkaZk.Server.Sessions;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Tree;

// Read-only mode (ZooKeeper's ReadOnlyZooKeeperServer with ReadOnlyRequestProcessor): a member cut off from the
// quorum serves the tree it has to clients that asked for read-only. Sessions created here are local to this node
// and never logged; they go when their connection closes or when the node leaves read-only mode.
public sealed partial class DataTreeActor
{
    private readonly HashSet<long> _readOnlySessions = [];

    private void EnterReadOnly()
    {
        if (_role != TreeRole.Looking) return;
        _role = TreeRole.ReadOnly;
        Context.Log.LogInformation("Tree: read-only mode, serving reads at zxid 0x{Zxid:x}", _tree.LastProcessedZxid);
    }

    private void LeaveReadOnly()
    {
        if (_role != TreeRole.ReadOnly) return;
        _role = TreeRole.Looking;
        foreach (var sessionId in _readOnlySessions) _tracker.Remove(sessionId);
        Context.Log.LogInformation("Tree: read-only mode ends, {Count} local sessions dropped", _readOnlySessions.Count);
        _readOnlySessions.Clear();
    }

    private void CreateReadOnlySession(SessionContext connection, int timeout)
    {
        var sessionId = _sessionIds.Next(id => _tracker.TryGet(id, out _));
        var tracked = _tracker.Add(sessionId, timeout, Now);
        tracked.Owner = connection;
        connection.SessionId = sessionId;
        _readOnlySessions.Add(sessionId);
        Context.Log.LogInformation("Session 0x{Session:x} established read-only for {Remote}, timeout {Timeout} ms",
            sessionId, connection.RemoteAddress, timeout);
        connection.Connection.Tell(new SessionProtocol.ConnectAccepted(sessionId, timeout, SessionPassword.Generate(sessionId),
            NewSession: true, _tree.LastProcessedZxid, ReadOnly: true), Self);
    }

    /// <summary>
    /// ReadOnlyRequestProcessor: every write and sync answers NotReadOnly. A closeSession is answered and ends the
    /// connection; a session the quorum knows is left for the leader to expire (nothing is logged here).
    /// </summary>
    private void AnswerReadOnly(SessionProtocol.ClientRequest request)
    {
        if (request.OpCode == OpCode.CloseSession)
        {
            if (_readOnlySessions.Remove(request.Session.SessionId)) _tracker.Remove(request.Session.SessionId);
            ReplyInOrder(request, 0, null, closeAfter: true);
            return;
        }
        ReplyInOrder(request, (int)ErrorCode.NotReadOnly, null);
    }
}
