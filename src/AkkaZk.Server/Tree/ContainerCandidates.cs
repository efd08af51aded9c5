using ZkTree = AkkaZk.DataTree.DataTree;

namespace AkkaZk.Server.Tree;

/// <summary>
/// The nodes the container manager deletes, as ZooKeeper 3.8's ContainerManager.getCandidates: containers with no
/// children that have had a child (cversion &gt; 0) or, when maxNeverUsedIntervalMs &gt; 0, whose mtime is older
/// than that; TTL nodes with no children whose mtime is older than their ttl. Pure: the wall clock is passed in.
/// </summary>
public static class ContainerCandidates
{
    /// <param name="ttlOf">The TTL of a TTL node in ms, or null when unknown.</param>
    public static IReadOnlyList<string> Select(ZkTree tree, Func<string, long?> ttlOf, long nowWallMs, long maxNeverUsedIntervalMs)
    {
        var candidates = new List<string>();
        foreach (var path in tree.Containers.Order(StringComparer.Ordinal))
        {
            if (tree.StatOf(path) is not { NumChildren: 0 } stat) continue;
            // Visible cversion = 2 × persisted − numChildren, so with no children it is > 0 exactly when the
            // persisted one is: the container has had a child. A new container is kept until it has been used.
            if (stat.Cversion > 0 || (maxNeverUsedIntervalMs != 0 && nowWallMs - stat.Mtime > maxNeverUsedIntervalMs))
                candidates.Add(path);
        }
        foreach (var path in tree.Ttls.Order(StringComparer.Ordinal))
        {
            if (tree.StatOf(path) is not { NumChildren: 0 } stat) continue;
            if (ttlOf(path) is { } ttl && ttl != 0 && nowWallMs - stat.Mtime > ttl) candidates.Add(path);
        }
        return candidates;
    }
}
