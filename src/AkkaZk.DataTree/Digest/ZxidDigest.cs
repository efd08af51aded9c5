namespace AkkaZk.DataTree;

/// <summary>DataTree.ZxidDigest: the tree digest once the txn with this zxid was applied.</summary>
public readonly record struct ZxidDigest(long Zxid, int DigestVersion, long Digest);
