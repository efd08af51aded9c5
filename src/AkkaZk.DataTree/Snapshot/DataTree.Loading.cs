using AkkaZk.Jute;

namespace AkkaZk.DataTree;

public sealed partial class DataTree
{
    private DataNode? _lastLoadedParent;
    private string _lastLoadedParentPath = string.Empty;

    internal void LoadSession(long sessionId, int timeout) => _sessions[sessionId] = timeout;

    internal void LoadAcl(int aclRef, IReadOnlyList<Acl> acl) => _acls.Load(aclRef, acl);

    /// <summary>
    /// DataTree.deserialize, one node: the root comes first as ""; every other node's parent must already be
    /// loaded (no orphans); ephemeral, container and TTL indexes follow the owner. The node takes its name from
    /// the path. Siblings arrive together in DFS order, so the last parent found is tried before a walk.
    /// </summary>
    internal void LoadNode(ReadOnlySpan<char> path, DataNode node)
    {
        if (!_acls.Contains(node.AclRef)) throw new InvalidDataException($"Node {path} refers to unknown ACL {node.AclRef}");
        if (_root is null)
        {
            if (path.Length != 0) throw new InvalidDataException($"Snapshot starts with {path}, not the root");
            node.Name = RootPath;
            _root = node;
            _nodeCount = 1;
            _acls.AddUsage(node.AclRef);
            AddDigest(RootPath, node);
            return;
        }

        var slash = path.LastIndexOf('/');
        if (slash < 0) throw new InvalidDataException($"Invalid node path {path}");
        var parentPath = path[..slash];
        if (_lastLoadedParent is null || !parentPath.SequenceEqual(_lastLoadedParentPath))
        {
            _lastLoadedParent = GetNode(parentPath)
                ?? throw new InvalidDataException($"Invalid Datatree, unable to find parent {parentPath} of path {path}");
            _lastLoadedParentPath = parentPath.ToString();
        }
        node.Name = path[(slash + 1)..].ToString();
        if (node.Name.Length == 0 || _lastLoadedParent.Child(node.Name) is not null) throw new InvalidDataException($"Duplicate node {path}");
        _lastLoadedParent.AddChild(node);
        AddDigest(path, node);
        _nodeCount++;
        _acls.AddUsage(node.AclRef);
        if (node.EphemeralOwner != 0) TrackOwner(path.ToString(), node.EphemeralOwner);
    }

    /// <summary>After the end marker: the "/" alias, the data size, quotas, and unused ACLs purged.</summary>
    internal void FinishLoad()
    {
        if (_root is null) throw new InvalidDataException("Snapshot has no root node");
        _lastLoadedParent = null;
        _lastLoadedParentPath = string.Empty;
        _nodeCount++;   // the "/" alias
        _approximateDataSize = ComputeApproximateDataSize();
        SetupQuotas();
        _acls.PurgeUnused();
    }
}
