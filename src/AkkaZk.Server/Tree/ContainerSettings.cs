namespace AkkaZk.Server.Tree;

/// <summary>
/// The container/TTL manager's settings, ZooKeeper's system properties znode.container.checkIntervalMs (default
/// 60000), znode.container.maxPerMinute (10000) and znode.container.maxNeverUsedIntervalMs (0 = never).
/// </summary>
public sealed record ContainerSettings(int CheckIntervalMs = 60000, int MaxPerMinute = 10000, long MaxNeverUsedIntervalMs = 0)
{
    public static ContainerSettings Default { get; } = new();

    /// <summary>The pause between two deletions, as ContainerManager.getMinIntervalMs: one minute / maxPerMinute.</summary>
    public TimeSpan MinDeleteInterval => TimeSpan.FromMilliseconds(MaxPerMinute <= 0 ? 0 : 60000L / MaxPerMinute);
}
