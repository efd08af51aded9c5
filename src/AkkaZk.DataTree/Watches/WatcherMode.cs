namespace AkkaZk.DataTree;

/// <summary>ZooKeeper's WatcherMode: one mode per (watcher, path) in each table.</summary>
internal enum WatcherMode : byte
{
    Standard = 0,
    Persistent = 1,
    PersistentRecursive = 2,
}

internal static class WatcherModeExtensions
{
    public static bool IsPersistent(this WatcherMode mode) => mode != WatcherMode.Standard;
    public static bool IsRecursive(this WatcherMode mode) => mode == WatcherMode.PersistentRecursive;

    public static WatcherMode FromAddWatchMode(AkkaZk.Jute.AddWatchMode mode) => mode switch
    {
        AkkaZk.Jute.AddWatchMode.Persistent => WatcherMode.Persistent,
        AkkaZk.Jute.AddWatchMode.PersistentRecursive => WatcherMode.PersistentRecursive,
        // As WatcherMode.fromZooDef: any other value is an IllegalArgumentException (MarshallingError on the wire).
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unsupported add-watch mode"),
    };
}
