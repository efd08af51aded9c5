using AkkaZk.DataTree;
using AkkaZk.Jute;

namespace AkkaZk.Server.Sessions;

/// <summary>
/// The watcher the tree fires for a connection. Events go to the connection's actor in the order the tree
/// fires them, before any later reply (both are sent by the tree's actor), so a client sees an event before
/// data changed after it. As ZooKeeper 3.8.4+: an event the connection may not READ is dropped.
/// </summary>
public sealed class SessionWatcher(SessionContext session) : IWatcher
{
    public long SessionId => session.SessionId;

    public SessionContext Session => session;

    public void Process(WatchedEvent e, IReadOnlyList<Acl>? acl)
    {
        if (acl is not null && !AclChecker.Check(acl, Perms.Read, session.AuthIds)) return;
        session.Connection.Tell(new SessionProtocol.WatchEventFired(e), null);
    }
}
