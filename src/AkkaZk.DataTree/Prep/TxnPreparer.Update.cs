using AkkaZk.Jute;

namespace AkkaZk.DataTree;

public sealed partial class TxnPreparer
{
    /// <summary>setData (5), PROTOCOL 7.4: validatePath → exists → WRITE → quota → version.</summary>
    private ErrorCode PrepareSetData(PrepContext ctx, PrepOp.SetData op, out ITxnBody? body)
    {
        body = null;
        if (!PathValidator.IsValid(op.Path)) return ErrorCode.BadArguments;
        var node = _pending.Find(_tree, op.Path);
        if (node?.Stat is not { } stat) return ErrorCode.NoNode;
        if (!AclChecker.Check(node.Acl, Perms.Write, ctx.AuthIds)) return ErrorCode.NoAuth;
        if (_settings.EnforceQuota)
        {
            var quotaErr = _tree.CheckQuota(op.Path, (op.Data?.Length ?? 0) - (node.Data?.Length ?? 0), 0);
            if (quotaErr != ErrorCode.Ok) return quotaErr;
        }
        if (!CheckVersion(stat.Version, op.Version, out var newVersion)) return ErrorCode.BadVersion;

        body = new SetDataTxn(op.Path, op.Data, newVersion);
        _pending.Add(node with { Zxid = ctx.Zxid, Stat = stat with { Version = newVersion }, Data = op.Data });
        return ErrorCode.Ok;
    }

    /// <summary>setACL (7), PROTOCOL 7.5: validatePath → fixupACL → exists → ADMIN → aversion.</summary>
    private ErrorCode PrepareSetAcl(PrepContext ctx, PrepOp.SetAcl op, out ITxnBody? body)
    {
        body = null;
        if (!PathValidator.IsValid(op.Path)) return ErrorCode.BadArguments;
        var aclErr = AclFixer.Fixup(op.Acl, ctx.AuthIds, out var acl);
        if (aclErr != ErrorCode.Ok) return aclErr;
        var node = _pending.Find(_tree, op.Path);
        if (node?.Stat is not { } stat) return ErrorCode.NoNode;
        if (!AclChecker.Check(node.Acl, Perms.Admin, ctx.AuthIds)) return ErrorCode.NoAuth;
        if (!CheckVersion(stat.Aversion, op.Version, out var newAversion)) return ErrorCode.BadVersion;

        body = new SetAclTxn(op.Path, acl, newAversion);
        _pending.Add(node with { Zxid = ctx.Zxid, Stat = stat with { Aversion = newAversion }, Acl = acl });
        return ErrorCode.Ok;
    }

    /// <summary>check (13) inside a multi, PROTOCOL 7.6: validatePath → exists → READ → version. Changes nothing.</summary>
    private ErrorCode PrepareCheck(PrepContext ctx, PrepOp.Check op, out ITxnBody? body)
    {
        body = null;
        if (!PathValidator.IsValid(op.Path)) return ErrorCode.BadArguments;
        var node = _pending.Find(_tree, op.Path);
        if (node?.Stat is not { } stat) return ErrorCode.NoNode;
        if (!AclChecker.Check(node.Acl, Perms.Read, ctx.AuthIds)) return ErrorCode.NoAuth;
        if (!CheckVersion(stat.Version, op.Version, out var next)) return ErrorCode.BadVersion;
        body = new CheckVersionTxn(op.Path, next);
        return ErrorCode.Ok;
    }
}
