using AkkaZk.DataTree;
using ZkTree = AkkaZk.DataTree.DataTree;

namespace AkkaZk.Server.Tree;

/// <summary>
/// Stopgap until recovery takes zookeeper.extendedTypesEnabled: TreeRecovery builds its tree with extended types off,
/// so TTL nodes would be indexed as ephemerals of session 0xFF…. Rebuilding the tree through its own snapshot
/// format with the flag on re-indexes every owner (as ZooKeeper reads them with the flag from the start).
/// </summary>
public static class ExtendedTypesReload
{
    public static ZkTree Apply(ZkTree tree, bool extendedTypesEnabled)
    {
        if (tree.ExtendedTypesEnabled == extendedTypesEnabled) return tree;
        using var buffer = new MemoryStream();
        SnapshotSerializer.Serialize(tree, buffer);
        buffer.Position = 0;
        return SnapshotSerializer.Deserialize(buffer, tree.LastProcessedZxid, extendedTypesEnabled);
    }
}
