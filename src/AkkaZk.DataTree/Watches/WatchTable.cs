using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>
/// One watch table (ZooKeeper keeps two: data and child), matching WatchManager + WatcherModeManager of 3.8:
/// one entry per (watcher, path) carrying one mode; a later registration replaces the mode.
/// </summary>
internal sealed class WatchTable
{
    private readonly Dictionary<string, HashSet<IWatcher>> _watchersByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<IWatcher, HashSet<string>> _pathsByWatcher = new();
    private readonly Dictionary<(IWatcher Watcher, string Path), WatcherMode> _modes = new();
    private int _recursiveCount;

    /// <summary>Number of (path, watcher) entries, as WatchManager.size() (mntr zk_watch_count adds both tables).</summary>
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var watchers in _watchersByPath.Values) count += watchers.Count;
            return count;
        }
    }

    public bool Add(string path, IWatcher watcher, WatcherMode mode)
    {
        if (!_watchersByPath.TryGetValue(path, out var watchers))
        {
            watchers = [];
            _watchersByPath.Add(path, watchers);
        }
        watchers.Add(watcher);

        if (!_pathsByWatcher.TryGetValue(watcher, out var paths))
        {
            paths = new HashSet<string>(StringComparer.Ordinal);
            _pathsByWatcher.Add(watcher, paths);
        }

        SetMode(watcher, path, mode);
        return paths.Add(path);
    }

    /// <summary>
    /// WatchManager.triggerWatch: walks from the path up to "/" (only when a recursive watch exists);
    /// standard and persistent watchers fire at the path itself (standard ones are removed), recursive
    /// ones at the path or any ancestor for every type but NodeChildrenChanged. Each watcher gets at most
    /// one event. Watchers in <paramref name="suppress"/> are still matched (and one-shot ones removed)
    /// but not notified. Returns the matched set, or null when nothing matched.
    /// </summary>
    public HashSet<IWatcher>? Trigger(string path, EventType type, IReadOnlyList<Acl>? acl, HashSet<IWatcher>? suppress = null)
    {
        HashSet<IWatcher>? matched = null;
        List<IWatcher>? ordered = null;
        var atParent = false;
        for (var localPath = path; localPath is not null; localPath = _recursiveCount > 0 ? ParentOf(localPath) : null)
        {
            if (_watchersByPath.TryGetValue(localPath, out var watchers))
            {
                List<IWatcher>? fired = null;
                foreach (var watcher in watchers)
                {
                    var mode = ModeOf(watcher, localPath);
                    if (mode.IsRecursive())
                    {
                        if (type != EventType.NodeChildrenChanged) Match(watcher);
                    }
                    else if (!atParent)
                    {
                        Match(watcher);
                        if (!mode.IsPersistent()) (fired ??= []).Add(watcher);
                    }
                }

                if (fired is not null)
                {
                    foreach (var watcher in fired)
                    {
                        watchers.Remove(watcher);
                        if (_pathsByWatcher.TryGetValue(watcher, out var paths)) paths.Remove(localPath);
                    }
                }
                if (watchers.Count == 0) _watchersByPath.Remove(localPath);
            }
            atParent = true;
        }

        if (ordered is null) return null;
        var e = new WatchedEvent(type, path);
        foreach (var watcher in ordered)
        {
            if (suppress is not null && suppress.Contains(watcher)) continue;
            watcher.Process(e, acl);
        }
        return matched;

        void Match(IWatcher watcher)
        {
            matched ??= [];
            if (matched.Add(watcher)) (ordered ??= []).Add(watcher);
        }
    }

    /// <summary>WatchManager.removeWatcher(path, watcher): true only if this watcher watched this path.</summary>
    public bool Remove(string path, IWatcher watcher)
    {
        if (!_pathsByWatcher.TryGetValue(watcher, out var paths) || !paths.Remove(path)) return false;
        if (!_watchersByPath.TryGetValue(path, out var watchers) || !watchers.Remove(watcher)) return false;
        if (watchers.Count == 0) _watchersByPath.Remove(path);
        SetMode(watcher, path, WatcherMode.Standard);
        return true;
    }

    /// <summary>
    /// WatchManager.containsWatcher as shipped in 3.8: true when ANY watcher watches the path itself, or
    /// when this watcher's own entry at the path is recursive. (3.9 checks the watcher's own entry only.)
    /// </summary>
    public bool Contains(string path, IWatcher watcher) =>
        _watchersByPath.ContainsKey(path) || ModeOf(watcher, path).IsRecursive();

    /// <summary>Drops every watch of a closed connection (WatchManager.removeWatcher(watcher)).</summary>
    public void RemoveWatcher(IWatcher watcher)
    {
        if (!_pathsByWatcher.Remove(watcher, out var paths)) return;
        foreach (var path in paths)
        {
            if (_watchersByPath.TryGetValue(path, out var watchers))
            {
                watchers.Remove(watcher);
                if (watchers.Count == 0) _watchersByPath.Remove(path);
            }
            SetMode(watcher, path, WatcherMode.Standard);
        }
    }

    public WatchStatistics Statistics()
    {
        var total = 0;
        var bySession = new List<SessionWatches>(_pathsByWatcher.Count);
        foreach (var (watcher, paths) in _pathsByWatcher)
        {
            total += paths.Count;
            bySession.Add(new SessionWatches(watcher.SessionId, [.. paths]));
        }
        var byPath = new List<PathWatchers>(_watchersByPath.Count);
        foreach (var (path, watchers) in _watchersByPath)
            byPath.Add(new PathWatchers(path, [.. watchers.Select(w => w.SessionId).Distinct()]));
        return new WatchStatistics(_pathsByWatcher.Count, _watchersByPath.Count, total, bySession, byPath);
    }

    internal WatcherMode ModeOf(IWatcher watcher, string path) =>
        _modes.TryGetValue((watcher, path), out var mode) ? mode : WatcherMode.Standard;

    private void SetMode(IWatcher watcher, string path, WatcherMode mode)
    {
        WatcherMode old;
        if (mode == WatcherMode.Standard)
        {
            if (!_modes.Remove((watcher, path), out old)) old = WatcherMode.Standard;
        }
        else
        {
            old = ModeOf(watcher, path);
            _modes[(watcher, path)] = mode;
        }
        if (old.IsRecursive() != mode.IsRecursive()) _recursiveCount += mode.IsRecursive() ? 1 : -1;
    }

    /// <summary>PathParentIterator: "/a/b" → "/a" → "/" → end.</summary>
    private static string? ParentOf(string path)
    {
        if (path == "/") return null;
        var slash = path.LastIndexOf('/');
        if (slash < 0) return null;
        return slash == 0 ? "/" : path[..slash];
    }
}
