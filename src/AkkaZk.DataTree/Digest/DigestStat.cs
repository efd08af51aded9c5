namespace AkkaZk.DataTree;

/// <summary>
/// The StatPersisted fields a node digest covers, in the order DigestCalculator writes them. Cversion is the
/// persisted one and EphemeralOwner the raw owner (container and TTL markers included), as the tree stores them.
/// </summary>
public readonly record struct DigestStat(long Czxid, long Mzxid, long Pzxid, long Ctime, long Mtime,
    int Version, int Cversion, int Aversion, long EphemeralOwner);
