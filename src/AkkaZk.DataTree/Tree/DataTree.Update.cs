using AkkaZk.Jute;

namespace AkkaZk.DataTree;

public sealed partial class DataTree
{
    /// <summary>DataTree.setData: mtime/mzxid/version from the txn; fires NodeDataChanged on data(path) with the node's ACL.</summary>
    private ErrorCode SetData(string path, byte[]? data, int version, long zxid, long time, out Stat? stat)
    {
        stat = null;
        if (GetNode(path) is not { } node) return ErrorCode.NoNode;
        var acl = AclOf(node);
        var lastData = node.Data;
        RemoveDigest(path, node);
        node.Data = data;
        node.Mtime = time;
        node.Mzxid = zxid;
        node.Version = version;
        AddDigest(path, node);
        stat = node.ToStat(ExtendedTypesEnabled);

        UpdateQuotaForChange(path, (data?.Length ?? 0) - (lastData?.Length ?? 0), 0);
        _approximateDataSize += NodeSize(null, data) - NodeSize(null, lastData);
        _dataWatches.Trigger(path, EventType.NodeDataChanged, acl);
        return ErrorCode.Ok;
    }

    /// <summary>DataTree.setACL: only aversion changes and no watch fires. The old ref is released before the new one is interned, as ZooKeeper.</summary>
    private ErrorCode SetAcl(string path, IReadOnlyList<Acl> acl, int version, out Stat? stat)
    {
        stat = null;
        if (GetNode(path) is not { } node) return ErrorCode.NoNode;
        _acls.Release(node.AclRef);
        RemoveDigest(path, node);
        node.Aversion = version;
        node.AclRef = _acls.Intern(acl);
        AddDigest(path, node);
        stat = node.ToStat(ExtendedTypesEnabled);
        return ErrorCode.Ok;
    }
}
