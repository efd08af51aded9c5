using AkkaZk.DataTree;
using AkkaZk.Jute;
using AkkaZk.Jute.Quorum;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Tree;

// The tree digest on the peer wire (ZOOKEEPER-3114): the leader's proposals carry the digest its tree will have
// once the txn is applied; a learner compares it with its own tree after applying and reports a mismatch.
public sealed partial class DataTreeActor
{
    private DigestPredictor _digestPredictor = null!;
    private bool _digestMismatchLogged;

    /// <summary>digest_mismatches_count: txns whose digest did not match this tree after applying them.</summary>
    private long _digestMismatches;

    /// <summary>What a snapshot file carries after the tree: none (all zero) when the digest is off.</summary>
    private ZxidDigest? SnapshotDigest => _tree.DigestEnabled ? _tree.LastProcessedZxidDigest : null;

    /// <summary>
    /// DataTree.compareDigest: a mismatch is logged as an error once (the first, with the txn), then only at
    /// debug; it never stops the server.
    /// </summary>
    private void CompareDigest(Txn txn, TxnDigest? digest)
    {
        if (_tree.MatchesDigest(digest)) return;
        _digestMismatches++;
        if (_digestMismatchLogged)
        {
            Context.Log.LogDebug("Digests are not matching at zxid 0x{Zxid:x}: {Expected}, tree {Actual}",
                txn.Zxid, digest!.TreeDigest, _tree.TreeDigest);
            return;
        }
        _digestMismatchLogged = true;
        Context.Log.LogError("First digest mismatch on txn 0x{Zxid:x} (type {Type}, session 0x{Session:x}, cxid {Cxid}): expected digest is {Expected}, actual digest is {Actual}",
            txn.Zxid, txn.Type, txn.Header.ClientId, txn.Header.Cxid, digest!.TreeDigest, _tree.TreeDigest);
    }
}
