using AkkaZk.Jute;

namespace AkkaZk.DataTree;

public sealed partial class TxnPreparer
{
    /// <summary>
    /// closeSession (−11): CloseSessionTxn lists the session's ephemerals as Prep knows them — the applied
    /// ones, minus pending deletes, plus pending creates owned by the session, in pending order — and marks
    /// them pending-deleted so later requests see them gone.
    /// </summary>
    public Txn PrepareCloseSession(PrepContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var paths = new List<string>(_tree.GetEphemerals(ctx.SessionId));
        var set = new HashSet<string>(paths, StringComparer.Ordinal);
        foreach (var record in _pending.InOrder)
        {
            if (record.Stat is null)
            {
                if (set.Remove(record.Path)) paths.Remove(record.Path);
            }
            else if (record.Stat.Value.EphemeralOwner == ctx.SessionId && set.Add(record.Path))
            {
                paths.Add(record.Path);
            }
        }

        foreach (var path in paths)
        {
            // ZooKeeper only moves the parent's pzxid here; the child count drops too so that a delete of the
            // parent prepared before this close is applied sees it empty, as it will be.
            var parentPath = DataTree.ParentOf(path);
            var parent = _pending.Find(_tree, parentPath);
            if (parent?.Stat is not null) _pending.Add(parent with { Zxid = ctx.Zxid, Path = parentPath, ChildCount = parent.ChildCount - 1 });
            _pending.Add(new ChangeRecord(ctx.Zxid, path, null, 0, null, null));
        }
        return new Txn(Header(ctx, OpCode.CloseSession), new CloseSessionTxn(paths));
    }
}
