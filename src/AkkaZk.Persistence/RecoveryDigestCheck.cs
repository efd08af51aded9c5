using AkkaZk.DataTree;
using AkkaZk.Jute;
using AkkaZk.Jute.Quorum;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Persistence;

using DataTree = AkkaZk.DataTree.DataTree;

/// <summary>
/// The digest checks ZooKeeper's DataTree makes while it restores: a snapshot's digest once the tree reaches the
/// digest's zxid (at once when the snapshot already ends there; until then the tree is "fuzzy" and no txn digest
/// is compared), then each replayed txn's digest after it is applied. A mismatch is logged (the first replayed
/// one as an error) and counted; recovery goes on.
/// </summary>
internal sealed class RecoveryDigestCheck(DataTree tree, ILogger logger)
{
    private ZxidDigest? _snapshotDigest;
    private bool _mismatchLogged;

    public int Mismatches { get; private set; }

    public void SnapshotLoaded(long snapshotZxid, ZxidDigest? digest)
    {
        // deserializeZxidDigest: zxid 0 means no digest, and one older than the snapshot cannot be checked.
        _snapshotDigest = digest is { Zxid: > 0 } d && d.Zxid >= snapshotZxid ? d : null;
        CheckSnapshotDigest(tree.LastProcessedZxid);
    }

    public void Replayed(Txn txn, TxnDigest? digest)
    {
        if (_snapshotDigest is not null) CheckSnapshotDigest(txn.Zxid);
        if (_snapshotDigest is not null || tree.MatchesDigest(digest)) return;
        Mismatches++;
        if (_mismatchLogged) return;
        _mismatchLogged = true;
        logger.LogError("First digest mismatch on replayed txn 0x{Zxid:x} (type {Type}): expected digest is {Expected}, actual digest is {Actual}",
            txn.Zxid, txn.Type, digest!.TreeDigest, tree.TreeDigest);
    }

    /// <summary>compareSnapshotDigests: compared at its zxid; passed without a txn of that zxid, it stays unchecked.</summary>
    private void CheckSnapshotDigest(long zxid)
    {
        if (_snapshotDigest is not { } expected || zxid < expected.Zxid) return;
        if (zxid > expected.Zxid)
        {
            logger.LogWarning("The txn 0x{Zxid:x} of the snapshot's digest is not in the journal; its digest is not checked", expected.Zxid);
            return;
        }
        _snapshotDigest = null;
        if (expected.DigestVersion != DigestCalculator.Version || expected.Digest == tree.TreeDigest) return;
        Mismatches++;
        logger.LogError("Digest mismatch at the snapshot's zxid 0x{Zxid:x}: the snapshot says {Expected}, the tree has {Actual}",
            expected.Zxid, expected.Digest, tree.TreeDigest);
    }
}
