using AkkaZk.Jute;

namespace AkkaZk.DataTree;

public sealed partial class TxnPreparer
{
    /// <summary>
    /// delete (2), PROTOCOL 7.3: parent path and reserved paths (BadArguments) → parent exists → DELETE on
    /// the parent → node exists → version → NotEmpty. No full path validation, so odd paths end in NoNode.
    /// </summary>
    private ErrorCode PrepareDelete(PrepContext ctx, PrepOp.Delete op, out ITxnBody? body)
    {
        body = null;
        if (!TryParentForDelete(op.Path, out var parentPath)) return ErrorCode.BadArguments;
        var parent = _pending.Find(_tree, parentPath);
        if (parent?.Stat is null) return ErrorCode.NoNode;
        if (!AclChecker.Check(parent.Acl, Perms.Delete, ctx.AuthIds)) return ErrorCode.NoAuth;
        var node = _pending.Find(_tree, op.Path);
        if (node?.Stat is not { } stat) return ErrorCode.NoNode;
        if (!CheckVersion(stat.Version, op.Version, out _)) return ErrorCode.BadVersion;
        if (node.ChildCount > 0) return ErrorCode.NotEmpty;

        body = new DeleteTxn(op.Path);
        AddDeleteRecords(ctx.Zxid, op.Path, parent, parentPath);
        return ErrorCode.Ok;
    }

    /// <summary>
    /// deleteContainer (20), issued by the container manager: reserved paths → exists → NotEmpty → a normal
    /// ephemeral is BadVersion. No ACL check.
    /// </summary>
    public Txn PrepareDeleteContainer(PrepContext ctx, string path)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(path);
        var header = Header(ctx, OpCode.DeleteContainer);
        if (!TryParentForDelete(path, out var parentPath)) return Failed(header, ErrorCode.BadArguments);
        var node = _pending.Find(_tree, path);
        if (node?.Stat is not { } stat) return Failed(header, ErrorCode.NoNode);
        if (node.ChildCount > 0) return Failed(header, ErrorCode.NotEmpty);
        if (KindOf(stat.EphemeralOwner) == EphemeralKind.Normal) return Failed(header, ErrorCode.BadVersion);
        var parent = _pending.Find(_tree, parentPath);
        if (parent?.Stat is null) return Failed(header, ErrorCode.NoNode);

        AddDeleteRecords(ctx.Zxid, path, parent, parentPath);
        return new Txn(header, new DeleteTxn(path));
    }

    private void AddDeleteRecords(long zxid, string path, ChangeRecord parent, string parentPath)
    {
        _pending.Add(parent with { Zxid = zxid, Path = parentPath, ChildCount = parent.ChildCount - 1 });
        _pending.Add(new ChangeRecord(zxid, path, null, -1, null, null));
    }

    /// <summary>getParentPathAndValidate: no '/', a '\0', or one of "/", /zookeeper, /zookeeper/quota, /zookeeper/config.</summary>
    private static bool TryParentForDelete(string path, out string parentPath)
    {
        parentPath = string.Empty;
        var slash = path.LastIndexOf('/');
        if (slash < 0 || path.Contains('\0') || IsSpecialPath(path)) return false;
        parentPath = path[..slash];
        return true;
    }

    private static bool IsSpecialPath(string path) => path is DataTree.RootAlias or DataTree.ZookeeperPath
        or DataTree.QuotaPath or DataTree.ConfigPath;
}
