using AkkaZk.Jute.Quorum;

namespace AkkaZk.DataTree;

// The tree digest, kept as ZooKeeper's NodeHashMapImpl keeps it: the wrapping sum of every node's digest (the
// root once, as ""), taken out before a change and put back after. ZooKeeper caches each node's digest on the
// node; here it is computed again before the change instead (path, data and stat are at hand), which gives the
// same value and keeps the node 8 bytes smaller.
public sealed partial class DataTree
{
    private readonly DigestCalculator _digestCalculator = new();
    private readonly DigestLog _digestLog = new();
    private long _treeDigest;
    private bool _digestEnabled = true;

    /// <summary>
    /// zookeeper.digest.enabled (true by default in 3.8). Off, the digest stays 0 (the history then lists zeros,
    /// as ZooKeeper's does) and txn digests are neither made nor compared; turned on, it is computed afresh.
    /// </summary>
    public bool DigestEnabled
    {
        get => _digestEnabled;
        set
        {
            if (value == _digestEnabled) return;
            _digestEnabled = value;
            _treeDigest = 0;
            if (value) AddDigestOfEveryNode();
        }
    }

    /// <summary>DataTree.getTreeDigest: the sum of the node digests.</summary>
    public long TreeDigest => _treeDigest;

    /// <summary>The digest after the last txn applied (lastProcessedZxidDigest); zxid 0 before any txn.</summary>
    public ZxidDigest LastProcessedZxidDigest { get; private set; } = new(0, DigestCalculator.Version, 0);

    /// <summary>The digest history the hash command prints, oldest first.</summary>
    public IReadOnlyList<ZxidDigest> DigestHistory => _digestLog.ToList();

    /// <summary>
    /// DataTree.compareDigest: whether a txn's digest (the sender's tree after the txn) matches this tree's after
    /// applying it. A txn without a digest, or of another digest version, is not compared and counts as a match.
    /// </summary>
    public bool MatchesDigest(TxnDigest? digest) =>
        !_digestEnabled || digest is null || digest.Version != DigestCalculator.Version || digest.TreeDigest == _treeDigest;

    /// <summary>preChange: the node's digest, before the change, leaves the sum.</summary>
    private void RemoveDigest(ReadOnlySpan<char> path, DataNode node)
    {
        if (!_digestEnabled || DigestCalculator.IsExcluded(path)) return;
        _treeDigest = unchecked(_treeDigest - _digestCalculator.Calculate(path, node.Data, node.DigestStat));
    }

    /// <summary>postChange (or put): the node's digest, after the change, joins the sum.</summary>
    private void AddDigest(ReadOnlySpan<char> path, DataNode node)
    {
        if (!_digestEnabled || DigestCalculator.IsExcluded(path)) return;
        _treeDigest = unchecked(_treeDigest + _digestCalculator.Calculate(path, node.Data, node.DigestStat));
    }

    private void AddDigestOfEveryNode()
    {
        if (_root is null) return;
        var stack = new Stack<(string Path, DataNode Node)>();
        stack.Push((RootPath, _root));
        while (stack.TryPop(out var entry))
        {
            AddDigest(entry.Path, entry.Node);
            if (entry.Node.Children is null) continue;
            foreach (var child in entry.Node.Children.Nodes) stack.Push((entry.Path + "/" + child.Name, child));
        }
    }

    /// <summary>logZxidDigest, after a whole txn (a multi counts once).</summary>
    private void LogZxidDigest(long zxid)
    {
        LastProcessedZxidDigest = new ZxidDigest(zxid, DigestCalculator.Version, _treeDigest);
        _digestLog.Record(LastProcessedZxidDigest);
    }
}
