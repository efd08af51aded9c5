using AkkaZk.Jute;

namespace AkkaZk.DataTree;

public sealed partial class TxnPreparer
{
    /// <summary>
    /// pRequest2TxnCreate, checks in ZooKeeper's order (PROTOCOL 7.2): flags → TTL enabled → TTL validity →
    /// path-for-create → fixupACL → parent exists → CREATE on parent → sequential suffix → full path
    /// validation → NodeExists → NoChildrenForEphemerals → quota.
    /// </summary>
    private ErrorCode PrepareCreate(PrepContext ctx, PrepOp.Create op, out ITxnBody? body)
    {
        body = null;
        if (!CreateModeExtensions.IsKnown(op.Flags)) return ErrorCode.BadArguments;
        var mode = (CreateMode)op.Flags;
        if (mode.IsTtl() && !_settings.ExtendedTypesEnabled) return ErrorCode.Unimplemented;
        if (mode.IsTtl() ? !EphemeralType.IsValidTtl(op.Ttl) : op.Ttl >= 0) return ErrorCode.BadArguments;
        // A createTTL with a non-TTL flag and ttl −1 passes ZooKeeper's Prep but its apply would throw; refuse it here.
        if (op.OpCode == OpCode.CreateTtl && !mode.IsTtl()) return ErrorCode.BadArguments;

        var slash = op.Path.LastIndexOf('/');
        if (slash < 0 || op.Path.Contains('\0')) return ErrorCode.BadArguments;
        var parentPath = op.Path[..slash];

        var aclErr = AclFixer.Fixup(op.Acl, ctx.AuthIds, out var acl);
        if (aclErr != ErrorCode.Ok) return aclErr;

        var parent = _pending.Find(_tree, parentPath);
        if (parent?.Stat is not { } parentStat) return ErrorCode.NoNode;
        if (!AclChecker.Check(parent.Acl, Perms.Create, ctx.AuthIds)) return ErrorCode.NoAuth;

        var path = mode.IsSequential() ? op.Path + SequenceSuffix.Format(parentStat.Cversion) : op.Path;
        if (!PathValidator.IsValid(path)) return ErrorCode.BadArguments;
        if (_pending.Find(_tree, path)?.Stat is not null) return ErrorCode.NodeExists;
        if (KindOf(parentStat.EphemeralOwner) == EphemeralKind.Normal) return ErrorCode.NoChildrenForEphemerals;

        var newCversion = unchecked(parentStat.Cversion + 1);
        if (_settings.EnforceQuota)
        {
            var quotaErr = _tree.CheckQuota(path, op.Data?.Length ?? 0, 1);
            if (quotaErr != ErrorCode.Ok) return quotaErr;
        }

        // The txn type follows the opcode, not the flag: opcode 1 with flag 4 makes a plain persistent node.
        long owner;
        switch (op.OpCode)
        {
            case OpCode.CreateContainer:
                body = new CreateContainerTxn(path, op.Data, acl, newCversion);
                owner = EphemeralType.ContainerOwner;
                break;
            case OpCode.CreateTtl:
                body = new CreateTtlTxn(path, op.Data, acl, newCversion, op.Ttl);
                owner = EphemeralType.TtlOwner(op.Ttl);
                break;
            default:
                body = new CreateTxn(path, op.Data, acl, mode.IsEphemeral(), newCversion);
                owner = mode.IsEphemeral() ? ctx.SessionId : 0;
                break;
        }

        // The pending owner is the one the apply step will store (ZooKeeper derives it from the flag instead).
        _pending.Add(parent with
        {
            Zxid = ctx.Zxid,
            Path = parentPath,
            Stat = parentStat with { Cversion = newCversion },
            ChildCount = parent.ChildCount + 1,
        });
        _pending.Add(new ChangeRecord(ctx.Zxid, path, new PendingStat(0, 0, 0, owner), 0, acl, op.Data));
        return ErrorCode.Ok;
    }
}
