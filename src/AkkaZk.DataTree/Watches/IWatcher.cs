using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>
/// A watcher is a connection, as in ZooKeeper (ServerCnxn): the tree keeps at most one watch per
/// (watcher, path, table). Identity is the implementation's equality (reference equality for classes).
/// </summary>
public interface IWatcher
{
    /// <summary>The session behind the connection, for the wchc/wchp dumps.</summary>
    long SessionId { get; }

    /// <summary>
    /// Called synchronously while the txn is applied. <paramref name="acl"/> is the ACL to check READ against
    /// before sending (ZooKeeper 3.8.4+ ServerWatcher); null means always deliver (SetWatches catch-up events).
    /// </summary>
    void Process(WatchedEvent e, IReadOnlyList<Acl>? acl);
}
