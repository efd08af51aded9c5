using AkkaZk.Jute;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.DataTree;

/// <summary>
/// The TxnDigest a leader puts on a proposal: the tree digest once that txn is applied, known before it is. As
/// ZooKeeper's PrepRequestProcessor precalculates it from its change records, this replays each prepared txn's
/// effect on the nodes it touches (an overlay over the applied tree, as the tree's own apply rules would change
/// them) and keeps the running digest. Call <see cref="Next"/> once per prepared txn in zxid order,
/// <see cref="Applied"/> as the tree applies them and <see cref="Reset"/> when the unapplied ones are dropped.
/// </summary>
public sealed class DigestPredictor
{
    private readonly DataTree _tree;
    private readonly DigestCalculator _calculator = new();
    private readonly Dictionary<string, PendingNode> _nodes = new(StringComparer.Ordinal);
    private readonly Queue<(long Zxid, string? Key)> _touched = new();
    private long _digest;
    private long _zxid;
    private TxnHeader _header;

    public DigestPredictor(DataTree tree) => _tree = tree ?? throw new ArgumentNullException(nameof(tree));

    /// <summary>
    /// The digest after <paramref name="txn"/>, on top of every txn passed here before and not yet applied; null
    /// for an error txn, which ZooKeeper logs and proposes without one.
    /// </summary>
    public TxnDigest? Next(Txn txn)
    {
        ArgumentNullException.ThrowIfNull(txn);
        if (_touched.Count == 0) _digest = _tree.TreeDigest;
        _header = txn.Header;
        _zxid = txn.Zxid;
        _touched.Enqueue((_zxid, null));   // marks the txn in flight even when it touches no node
        if (txn.Type == OpCode.Error || !_tree.DigestEnabled) return null;
        Replay(txn.Type, txn.Body);
        return new TxnDigest(DigestCalculator.Version, _digest);
    }

    /// <summary>The tree applied every txn up to <paramref name="zxid"/>: their overlay entries are its nodes now.</summary>
    public void Applied(long zxid)
    {
        while (_touched.TryPeek(out var touched) && touched.Zxid <= zxid)
        {
            _touched.Dequeue();
            if (touched.Key is not null && _nodes.TryGetValue(touched.Key, out var node) && node.Zxid <= zxid)
                _nodes.Remove(touched.Key);
        }
    }

    public void Reset()
    {
        _nodes.Clear();
        _touched.Clear();
    }

    private void Replay(int type, ITxnBody body)
    {
        switch (type, body)
        {
            case (OpCode.Create or OpCode.Create2, CreateTxn create):
                Create(create.Path, create.Data, create.Ephemeral ? _header.ClientId : 0, create.ParentCVersion, type == OpCode.Create);
                break;
            case (OpCode.CreateTtl, CreateTtlTxn ttl):
                Create(ttl.Path, ttl.Data, EphemeralType.TtlOwner(ttl.Ttl), ttl.ParentCVersion, adjustParentIfExists: false);
                break;
            case (OpCode.CreateContainer, CreateContainerTxn container):
                Create(container.Path, container.Data, EphemeralType.ContainerOwner, container.ParentCVersion, adjustParentIfExists: false);
                break;
            case (OpCode.Delete or OpCode.DeleteContainer, DeleteTxn delete):
                Delete(delete.Path);
                break;
            case (OpCode.SetData or OpCode.Reconfig, SetDataTxn setData):
                if (Find(setData.Path) is { } node)
                    Put(setData.Path, setData.Data, node.Stat with { Mtime = _header.Time, Mzxid = _zxid, Version = setData.Version });
                break;
            case (OpCode.SetAcl, SetAclTxn setAcl):
                if (Find(setAcl.Path) is { } aclNode) Put(setAcl.Path, aclNode.Data, aclNode.Stat with { Aversion = setAcl.Version });
                break;
            case (OpCode.CloseSession, _):
                CloseSession((body as CloseSessionTxn)?.Paths2Delete ?? []);
                break;
            case (OpCode.Multi, MultiTxn multi):
                // As the tree: a multi with an error sub-txn applies nothing; an unknown sub-type stops it.
                if (multi.Txns.Any(t => t.Type == OpCode.Error)) break;
                foreach (var sub in multi.Txns)
                {
                    if (!DataTree.IsMultiSubType(sub.Type)) break;
                    Replay(sub.Type, sub.Body);
                }
                break;
        }
    }

    /// <summary>DataTree.createNode as the tree applies it (parent cversion and pzxid only move forward).</summary>
    private void Create(string path, byte[]? data, long owner, int parentCVersion, bool adjustParentIfExists)
    {
        var slash = path.LastIndexOf('/');
        if (slash < 0) return;
        var parentPath = path[..slash];
        if (Find(parentPath) is not { } parent) return;
        var exists = Find(path) is not null;
        if (exists && !adjustParentIfExists) return;

        if (parentCVersion == -1) parentCVersion = parent.Stat.Cversion + 1;
        if (parentCVersion > parent.Stat.Cversion)
            Put(parentPath, parent.Data, parent.Stat with { Cversion = parentCVersion, Pzxid = _zxid });
        if (!exists) Put(path, data, new DigestStat(_zxid, _zxid, _zxid, _header.Time, _header.Time, 0, 0, 0, owner));
    }

    /// <summary>
    /// DataTree.killSession: the txn's paths (one already gone still moves its parent's pzxid), then every other
    /// ephemeral the session will own when the txn applies (applied ones not deleted by then, and pending creates).
    /// </summary>
    private void CloseSession(IReadOnlyList<string> pathsInTxn)
    {
        var owner = _header.ClientId;
        var owned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in _tree.GetEphemerals(owner))
            if (Find(path) is { } node && node.Stat.EphemeralOwner == owner) owned.Add(path);
        foreach (var (path, node) in _nodes)
            if (node.Exists && node.Stat.EphemeralOwner == owner) owned.Add(path);
        foreach (var path in pathsInTxn)
        {
            Delete(path);
            owned.Remove(path);
        }
        foreach (var path in owned) Delete(path);
    }

    /// <summary>DataTree.deleteNode: the parent's pzxid moves forward even when the child is already gone.</summary>
    private void Delete(string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash < 0) return;
        var parentPath = path[..slash];
        if (Find(parentPath) is not { } parent) return;
        if (_zxid > parent.Stat.Pzxid) Put(parentPath, parent.Data, parent.Stat with { Pzxid = _zxid });
        if (Find(path) is not { } node) return;
        _digest = unchecked(_digest - node.Digest);
        Remember(path, new PendingNode(false, default, null, 0, _zxid));
    }

    private void Put(string path, byte[]? data, DigestStat stat)
    {
        var previous = Find(path);
        var digest = _calculator.Calculate(path, data, stat);
        _digest = unchecked(_digest - (previous?.Digest ?? 0) + digest);
        Remember(path, new PendingNode(true, stat, data, digest, _zxid));
    }

    private void Remember(string path, PendingNode node)
    {
        var key = Key(path);
        _nodes[key] = node;
        _touched.Enqueue((_zxid, key));
    }

    /// <summary>The node as it will be once every txn passed so far is applied, or null when it will not exist.</summary>
    private PendingNode? Find(string path)
    {
        if (_nodes.TryGetValue(Key(path), out var pending)) return pending.Exists ? pending : null;
        return _tree.GetNode(path) is { } node
            ? new PendingNode(true, node.DigestStat, node.Data, _calculator.Calculate(path, node.Data, node.DigestStat), 0)
            : null;
    }

    private static string Key(string path) => path == DataTree.RootAlias ? DataTree.RootPath : path;

    private readonly record struct PendingNode(bool Exists, DigestStat Stat, byte[]? Data, long Digest, long Zxid);
}
