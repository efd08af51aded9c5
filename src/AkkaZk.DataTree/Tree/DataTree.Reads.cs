using AkkaZk.Jute;

namespace AkkaZk.DataTree;

public sealed partial class DataTree
{
    /// <summary>
    /// exists(3), as FinalRequestProcessor + DataTree.statNode: a '\0' in the path is BadArguments; no ACL
    /// is checked (3.8.0); the data watch is registered before the existence test, so a
    /// missing node returns NoNode and still leaves a watch that fires NodeCreated.
    /// </summary>
    public ErrorCode Exists(string path, IWatcher? watcher, IReadOnlyList<Id> authIds, out Stat stat)
    {
        stat = default;
        if (path.Contains('\0')) return ErrorCode.BadArguments;
        var node = GetNode(path);
        // As ZooKeeper 3.8.0 (the reference server): exists checks no ACL; only later 3.8.x added a READ check.
        if (watcher is not null) _dataWatches.Add(path, watcher, WatcherMode.Standard);
        if (node is null) return ErrorCode.NoNode;
        stat = node.ToStat(ExtendedTypesEnabled);
        return ErrorCode.Ok;
    }

    /// <summary>getData(4): NoNode (no watch), then READ (NoAuth, no watch), then the data watch.</summary>
    public ErrorCode GetData(string path, IWatcher? watcher, IReadOnlyList<Id> authIds, out byte[]? data, out Stat stat)
    {
        data = null;
        stat = default;
        var node = GetNode(path);
        if (node is null) return ErrorCode.NoNode;
        if (!AclChecker.Check(AclOf(node), Perms.Read, authIds)) return ErrorCode.NoAuth;
        stat = node.ToStat(ExtendedTypesEnabled);
        if (watcher is not null) _dataWatches.Add(path, watcher, WatcherMode.Standard);
        data = node.Data;
        return ErrorCode.Ok;
    }

    /// <summary>getChildren(8)/getChildren2(12): NoNode, READ, then the child watch. Names in set order.</summary>
    public ErrorCode GetChildren(string path, IWatcher? watcher, IReadOnlyList<Id> authIds,
        out IReadOnlyList<string> children, out Stat stat)
    {
        children = [];
        stat = default;
        var node = GetNode(path);
        if (node is null) return ErrorCode.NoNode;
        if (!AclChecker.Check(AclOf(node), Perms.Read, authIds)) return ErrorCode.NoAuth;
        stat = node.ToStat(ExtendedTypesEnabled);
        children = node.Children is null ? [] : node.Children.NamesArray();
        if (watcher is not null) _childWatches.Add(path, watcher, WatcherMode.Standard);
        return ErrorCode.Ok;
    }

    /// <summary>
    /// getACL(6): NoNode, then READ or ADMIN. Without ADMIN, each digest id shows only its user part
    /// (<c>user:x</c>, Java's <c>replaceAll(":.*", ":x")</c>).
    /// </summary>
    public ErrorCode GetAcl(string path, IReadOnlyList<Id> authIds, out IReadOnlyList<Acl> acl, out Stat stat)
    {
        acl = [];
        stat = default;
        var node = GetNode(path);
        if (node is null) return ErrorCode.NoNode;
        var stored = AclOf(node);
        if (!AclChecker.Check(stored, Perms.Read | Perms.Admin, authIds)) return ErrorCode.NoAuth;
        stat = node.ToStat(ExtendedTypesEnabled);
        acl = AclChecker.Check(stored, Perms.Admin, authIds) ? [.. stored] : [.. stored.Select(MaskDigest)];
        return ErrorCode.Ok;
    }

    /// <summary>
    /// getAllChildrenNumber(104): NoNode, READ, then the number of descendants. As ZooKeeper counts map keys
    /// starting with path + "/", the root's alias "/" is included only when the path is "" itself.
    /// </summary>
    public ErrorCode GetAllChildrenNumber(string path, IReadOnlyList<Id> authIds, out int count)
    {
        count = 0;
        var node = GetNode(path);
        if (node is null) return ErrorCode.NoNode;
        if (!AclChecker.Check(AclOf(node), Perms.Read, authIds)) return ErrorCode.NoAuth;
        count = CountDescendants(node) + (path.Length == 0 ? 1 : 0);
        return ErrorCode.Ok;
    }

    private static int CountDescendants(DataNode node)
    {
        var count = 0;
        var stack = new Stack<DataNode>();
        stack.Push(node);
        while (stack.TryPop(out var next))
        {
            if (next.Children is null) continue;
            foreach (var child in next.Children.Nodes)
            {
                count++;
                stack.Push(child);
            }
        }
        return count;
    }

    private static Acl MaskDigest(Acl entry)
    {
        if (entry.Id.Scheme != DigestAuthenticationProvider.Scheme) return entry;
        var ident = entry.Id.Ident;
        var colon = ident.IndexOf(':');
        if (colon < 0) return entry;
        var masked = ident[..colon] + ":x";
        return entry with { Id = entry.Id with { Ident = masked } };
    }
}
