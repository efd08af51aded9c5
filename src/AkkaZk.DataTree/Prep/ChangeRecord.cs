using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>
/// ZooKeeper's ChangeRecord: the state a node will have once a prepared-but-unapplied txn is applied.
/// A null <see cref="Stat"/> means the node will be deleted.
/// </summary>
internal sealed record ChangeRecord(long Zxid, string Path, PendingStat? Stat, int ChildCount, IReadOnlyList<Acl>? Acl, byte[]? Data);

/// <summary>The StatPersisted fields Prep consults: versions, persisted cversion and the owner.</summary>
internal readonly record struct PendingStat(int Version, int Cversion, int Aversion, long EphemeralOwner);
