using AkkaZk.Jute;

namespace AkkaZk.DataTree;

public sealed partial class DataTree
{
    /// <summary>
    /// DataTree.createNode (3.8.6). The parent's persisted cversion and pzxid move only forward, so replaying a
    /// create from a fuzzy snapshot never rewinds them. On NodeExists the existing node takes the txn's ACL (as
    /// 3.8.6, which keeps fuzzy-snapshot ACL refs valid); the caller adjusts the parent for plain creates.
    /// Fires NodeCreated on data(path) with the new ACL and NodeChildrenChanged on child(parent) with the parent's ACL.
    /// </summary>
    private ErrorCode CreateNode(string path, byte[]? data, IReadOnlyList<Acl> acl, long owner, int parentCVersion,
        long zxid, long time, out Stat? stat)
    {
        stat = null;
        var slash = path.LastIndexOf('/');
        if (slash < 0) return ErrorCode.NoNode;
        var parentName = path[..slash];
        var childName = path[(slash + 1)..];
        if (GetNode(parentName) is not { } parent) return ErrorCode.NoNode;
        var parentAcl = AclOf(parent);

        var aclRef = _acls.Intern(acl);
        if (parent.Child(childName) is { } existing)
        {
            _acls.Release(existing.AclRef);
            existing.AclRef = aclRef;
            return ErrorCode.NodeExists;
        }

        RemoveDigest(parentName, parent);
        if (parentCVersion == -1) parentCVersion = parent.Cversion + 1;   // CreateTxnV0 from old logs
        if (parentCVersion > parent.Cversion)
        {
            parent.Cversion = parentCVersion;
            parent.Pzxid = zxid;
        }
        AddDigest(parentName, parent);

        var child = new DataNode(childName, data, aclRef)
        {
            Czxid = zxid,
            Mzxid = zxid,
            Pzxid = zxid,
            Ctime = time,
            Mtime = time,
            EphemeralOwner = owner,
        };
        parent.AddChild(child);
        AddDigest(path, child);
        _approximateDataSize += NodeSize(path, data);
        _nodeCount++;
        TrackOwner(path, owner);
        stat = child.ToStat(ExtendedTypesEnabled);

        OnQuotaNodeCreated(parentName, childName);
        UpdateQuotaForChange(path, data?.Length ?? 0, 1);

        _dataWatches.Trigger(path, EventType.NodeCreated, acl);
        _childWatches.Trigger(WatchPathOf(parentName), EventType.NodeChildrenChanged, parentAcl);
        return ErrorCode.Ok;
    }

    /// <summary>
    /// setCversionPzxid: after a plain create fails with NodeExists on replay, the parent still takes the
    /// txn's cversion (if larger) and pzxid, as DataTree.processTxn does.
    /// </summary>
    private ErrorCode AdjustParentAfterNodeExists(string path, int parentCVersion, long zxid)
    {
        var parentName = ParentOf(path);
        if (parentName.EndsWith('/')) parentName = parentName[..^1];   // "a trailing / is ignored"
        if (GetNode(parentName) is not { } parent) return ErrorCode.NoNode;
        if (parentCVersion == -1) parentCVersion = parent.Cversion + 1;
        if (parentCVersion > parent.Cversion)
        {
            RemoveDigest(parentName, parent);
            parent.Cversion = parentCVersion;
            parent.Pzxid = zxid;
            AddDigest(parentName, parent);
        }
        return ErrorCode.NodeExists;
    }

    private void TrackOwner(string path, long owner)
    {
        switch (EphemeralType.Of(owner, ExtendedTypesEnabled))
        {
            case EphemeralKind.Container:
                _containers.Add(path);
                break;
            case EphemeralKind.Ttl:
                _ttls.Add(path);
                break;
            case EphemeralKind.Normal:
                if (!_ephemerals.TryGetValue(owner, out var paths))
                {
                    paths = new HashSet<string>(StringComparer.Ordinal);
                    _ephemerals.Add(owner, paths);
                }
                paths.Add(path);
                break;
        }
    }

    private void UntrackOwner(string path, long owner)
    {
        switch (EphemeralType.Of(owner, ExtendedTypesEnabled))
        {
            case EphemeralKind.Container:
                _containers.Remove(path);
                break;
            case EphemeralKind.Ttl:
                _ttls.Remove(path);
                break;
            case EphemeralKind.Normal:
                // As ZooKeeper, the session's (possibly empty) set stays until the session closes.
                if (_ephemerals.TryGetValue(owner, out var paths)) paths.Remove(path);
                break;
        }
    }
}
