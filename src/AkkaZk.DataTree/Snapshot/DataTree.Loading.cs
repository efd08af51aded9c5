using AkkaZk.Jute;

namespace AkkaZk.DataTree;

public sealed partial class DataTree
{
    internal void LoadSession(long sessionId, int timeout) => _sessions[sessionId] = timeout;

    internal void LoadAcl(int aclRef, IReadOnlyList<Acl> acl) => _acls.Load(aclRef, acl);

    /// <summary>
    /// DataTree.deserialize, one node: the root comes first as ""; every other node's parent must already be
    /// loaded (no orphans); ephemeral, container and TTL indexes follow the owner.
    /// </summary>
    internal void LoadNode(string path, DataNode node)
    {
        if (!_acls.Contains(node.AclRef)) throw new InvalidDataException($"Node {path} refers to unknown ACL {node.AclRef}");
        if (_nodes.Count == 0 && path != RootPath) throw new InvalidDataException($"Snapshot starts with {path}, not the root");
        if (!_nodes.TryAdd(path, node)) throw new InvalidDataException($"Duplicate node {path}");
        _acls.AddUsage(node.AclRef);
        if (path == RootPath) return;

        var slash = path.LastIndexOf('/');
        if (slash < 0) throw new InvalidDataException($"Invalid node path {path}");
        if (!_nodes.TryGetValue(path[..slash], out var parent))
            throw new InvalidDataException($"Invalid Datatree, unable to find parent {path[..slash]} of path {path}");
        parent.AddChild(path[(slash + 1)..]);
        TrackOwner(path, node.EphemeralOwner);
    }

    /// <summary>After the end marker: the "/" alias, the data size, quotas, and unused ACLs purged.</summary>
    internal void FinishLoad()
    {
        if (!_nodes.TryGetValue(RootPath, out var root)) throw new InvalidDataException("Snapshot has no root node");
        _nodes[RootAlias] = root;
        _approximateDataSize = ComputeApproximateDataSize();
        SetupQuotas();
        _acls.PurgeUnused();
    }
}
