using AkkaZk.Jute;

namespace AkkaZk.DataTree;

public sealed partial class DataTree
{
    /// <summary>
    /// DataTree.deleteNode: the parent's pzxid moves forward even when the child is already gone (fuzzy
    /// snapshot replay); the persisted cversion is untouched. Fires NodeDeleted on data(path), then on
    /// child(path) skipping watchers the data table already notified, then NodeChildrenChanged on child(parent).
    /// </summary>
    private ErrorCode DeleteNode(string path, long zxid)
    {
        var slash = path.LastIndexOf('/');
        if (slash < 0) return ErrorCode.NoNode;
        var parentName = path[..slash];
        var childName = path[(slash + 1)..];
        if (GetNode(parentName) is not { } parent) return ErrorCode.NoNode;

        RemoveDigest(parentName, parent);
        var node = parent.RemoveChild(childName);
        if (zxid > parent.Pzxid) parent.Pzxid = zxid;
        AddDigest(parentName, parent);

        if (node is null) return ErrorCode.NoNode;
        RemoveDigest(path, node);
        _nodeCount--;
        var acl = AclOf(node);
        _acls.Release(node.AclRef);
        _approximateDataSize -= NodeSize(path, node.Data);
        UntrackOwner(path, node.EphemeralOwner);
        var parentAcl = AclOf(parent);

        OnQuotaNodeDeleted(parentName, childName);
        UpdateQuotaForChange(path, -(node.Data?.Length ?? 0), -1);

        var notified = _dataWatches.Trigger(path, EventType.NodeDeleted, acl);
        _childWatches.Trigger(path, EventType.NodeDeleted, acl, notified);
        _childWatches.Trigger(WatchPathOf(parentName), EventType.NodeChildrenChanged, parentAcl);
        return ErrorCode.Ok;
    }
}
