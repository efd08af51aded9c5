namespace AkkaZk.Server.Tree;

/// <summary>Where and how the tree's transactions and snapshots are kept; ExtendedTypesEnabled is how the recovered tree reads owners.</summary>
public sealed record JournalSettings(string DataDir, string DataLogDir, bool Fsync, int SnapCount,
    int SnapRetainCount, TimeSpan PurgeInterval)
{
    /// <summary>zookeeper.extendedTypesEnabled: whether the recovered tree treats 0xFF-high-byte owners as TTL nodes.</summary>
    public bool ExtendedTypesEnabled { get; init; }
}
