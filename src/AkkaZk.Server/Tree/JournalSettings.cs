namespace AkkaZk.Server.Tree;

/// <summary>Where and how the tree's transactions and snapshots are kept.</summary>
public sealed record JournalSettings(string DataDir, string DataLogDir, bool Fsync, int SnapCount,
    int SnapRetainCount, TimeSpan PurgeInterval);
