using AkkaZk.Hocon;

namespace AkkaZk.Server.Configuration;

/// <summary>autopurge.snapRetainCount and autopurge.purgeInterval (hours; 0 or less = off, as ZooKeeper).</summary>
public sealed record AutopurgeSettings(int SnapRetainCount, int PurgeIntervalHours)
{
    // ZooKeeper's DatadirCleanupManager raises a smaller retain count to 3 rather than failing.
    private const int MinimumSnapRetainCount = 3;

    public bool IsEnabled => PurgeIntervalHours > 0;

    internal static AutopurgeSettings FromConfig(Config autopurge) => new(
        Math.Max(MinimumSnapRetainCount, autopurge.GetInt("snap-retain-count")),
        autopurge.GetInt("purge-interval"));
}
