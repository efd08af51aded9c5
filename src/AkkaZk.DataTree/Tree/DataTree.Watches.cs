using AkkaZk.Jute;

namespace AkkaZk.DataTree;

public sealed partial class DataTree
{
    /// <summary>mntr zk_watch_count: entries in the data table plus the child table.</summary>
    public int WatchCount => _dataWatches.Count + _childWatches.Count;

    /// <summary>addWatch(106): both tables with the mode; the node need not exist and no ACL is checked.</summary>
    public void AddWatch(string path, AddWatchMode mode, IWatcher watcher)
    {
        var watcherMode = WatcherModeExtensions.FromAddWatchMode(mode);
        _dataWatches.Add(path, watcher, watcherMode);
        _childWatches.Add(path, watcher, watcherMode);
    }

    /// <summary>
    /// removeWatches(18) / checkWatches(17) when <paramref name="checkOnly"/>: Children uses the child table,
    /// Data the data table, Any both. NoWatcher when nothing was found or removed. The check uses 3.8's
    /// containsWatcher, which also answers true when another watcher watches the path.
    /// </summary>
    public ErrorCode RemoveWatches(string path, WatcherType type, IWatcher watcher, bool checkOnly)
    {
        bool found;
        if (checkOnly)
        {
            // containsWatcher walks the path with PathParentIterator (3.8.0 to 3.8.6): "" yields nothing (NoWatcher),
            // and a path without '/' throws StringIndexOutOfBoundsException, which FinalRequestProcessor answers
            // with MarshallingError. removeWatches does not walk the path.
            if (path.Length == 0) return ErrorCode.NoWatcher;
            if (!path.Contains('/')) return ErrorCode.MarshallingError;
            found = type switch
            {
                WatcherType.Children => _childWatches.Contains(path, watcher),
                WatcherType.Data => _dataWatches.Contains(path, watcher),
                WatcherType.Any => _childWatches.Contains(path, watcher) | _dataWatches.Contains(path, watcher),
                _ => throw new ArgumentOutOfRangeException(nameof(type), type, "3.8 knows watcher types 1..3 only"),
            };
        }
        else
        {
            found = type switch
            {
                WatcherType.Children => _childWatches.Remove(path, watcher),
                WatcherType.Data => _dataWatches.Remove(path, watcher),
                WatcherType.Any => _childWatches.Remove(path, watcher) | _dataWatches.Remove(path, watcher),
                _ => throw new ArgumentOutOfRangeException(nameof(type), type, "3.8 knows watcher types 1..3 only"),
            };
        }
        return found ? ErrorCode.Ok : ErrorCode.NoWatcher;
    }

    /// <summary>
    /// setWatches(101)/setWatches2(105), as DataTree.setWatches: catch-up events go to the watcher at once with
    /// a null ACL (always delivered); the rest are registered. Persistent lists register in both tables.
    /// </summary>
    public void SetWatches(long relativeZxid, IReadOnlyList<string> data, IReadOnlyList<string> exist,
        IReadOnlyList<string> child, IReadOnlyList<string> persistent, IReadOnlyList<string> persistentRecursive,
        IWatcher watcher)
    {
        foreach (var path in data)
        {
            var node = GetNode(path);
            if (node is null) watcher.Process(new WatchedEvent(EventType.NodeDeleted, path), null);
            else if (node.Mzxid > relativeZxid) watcher.Process(new WatchedEvent(EventType.NodeDataChanged, path), null);
            else _dataWatches.Add(path, watcher, WatcherMode.Standard);
        }
        foreach (var path in exist)
        {
            if (GetNode(path) is not null) watcher.Process(new WatchedEvent(EventType.NodeCreated, path), null);
            else _dataWatches.Add(path, watcher, WatcherMode.Standard);
        }
        foreach (var path in child)
        {
            var node = GetNode(path);
            if (node is null) watcher.Process(new WatchedEvent(EventType.NodeDeleted, path), null);
            else if (node.Pzxid > relativeZxid) watcher.Process(new WatchedEvent(EventType.NodeChildrenChanged, path), null);
            else _childWatches.Add(path, watcher, WatcherMode.Standard);
        }
        foreach (var path in persistent)
        {
            _childWatches.Add(path, watcher, WatcherMode.Persistent);
            _dataWatches.Add(path, watcher, WatcherMode.Persistent);
        }
        foreach (var path in persistentRecursive)
        {
            _childWatches.Add(path, watcher, WatcherMode.PersistentRecursive);
            _dataWatches.Add(path, watcher, WatcherMode.PersistentRecursive);
        }
    }

    /// <summary>The connection closed: drop all its watches from both tables.</summary>
    public void RemoveWatcher(IWatcher watcher)
    {
        _dataWatches.RemoveWatcher(watcher);
        _childWatches.RemoveWatcher(watcher);
    }

    /// <summary>wchs/wchc/wchp: the data table only, as ZooKeeper.</summary>
    public WatchStatistics GetWatchStatistics() => _dataWatches.Statistics();

    /// <summary>The child-table counterpart of <see cref="GetWatchStatistics"/> (not shown by any 4lw).</summary>
    public WatchStatistics GetChildWatchStatistics() => _childWatches.Statistics();
}
