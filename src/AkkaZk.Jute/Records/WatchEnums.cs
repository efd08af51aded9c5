namespace AkkaZk.Jute;

/// <summary>Watcher.Event.EventType.</summary>
public enum EventType
{
    None = -1,
    NodeCreated = 1,
    NodeDeleted = 2,
    NodeDataChanged = 3,
    NodeChildrenChanged = 4,
}

/// <summary>Watcher.Event.KeeperState; the server only sends SyncConnected in notifications.</summary>
public enum KeeperState
{
    Disconnected = 0,
    SyncConnected = 3,
    AuthFailed = 4,
    ConnectedReadOnly = 5,
    SaslAuthenticated = 6,
    Expired = -112,
    Closed = 7,
}

/// <summary>WatcherType for checkWatches/removeWatches; 3.8 knows only 1..3.</summary>
public enum WatcherType
{
    Children = 1,
    Data = 2,
    Any = 3,
}

/// <summary>AddWatchMode: 0 = PERSISTENT, 1 = PERSISTENT_RECURSIVE.</summary>
public enum AddWatchMode
{
    Persistent = 0,
    PersistentRecursive = 1,
}
