namespace AkkaZk.DataTree;

/// <summary>
/// Data-watch table summary and dumps, as ZooKeeper's wchs/wchc/wchp report them (data table only).
/// <paramref name="Connections"/> counts watchers known to the table, including ones whose watches all fired,
/// until the connection is removed (as WatchManager.watch2Paths).
/// </summary>
public sealed record WatchStatistics(
    int Connections,
    int Paths,
    int TotalWatches,
    IReadOnlyList<SessionWatches> WatchesBySession,
    IReadOnlyList<PathWatchers> WatchesByPath);

/// <summary>One watcher (connection) and the data-watch paths it holds (a wchc entry).</summary>
public sealed record SessionWatches(long SessionId, IReadOnlyList<string> Paths);

/// <summary>One path and the sessions watching it (a wchp entry).</summary>
public sealed record PathWatchers(string Path, IReadOnlyList<long> SessionIds);
