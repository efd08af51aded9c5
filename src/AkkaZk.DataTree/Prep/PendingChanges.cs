namespace AkkaZk.DataTree;

/// <summary>
/// ZooKeeper's outstandingChanges + outstandingChangesForPath: change records in zxid order and the latest
/// one per path. Paths "/" and "" both name the root and share one key here.
/// </summary>
internal sealed class PendingChanges
{
    private readonly LinkedList<ChangeRecord> _records = new();
    private readonly Dictionary<string, ChangeRecord> _latest = new(StringComparer.Ordinal);
    private List<(string Key, ChangeRecord? Previous)>? _undo;

    public int Count => _records.Count;

    public IEnumerable<ChangeRecord> InOrder => _records;

    /// <summary>getRecordForPath: the latest pending record, else the applied node; null when neither exists.</summary>
    public ChangeRecord? Find(DataTree tree, string path)
    {
        if (_latest.TryGetValue(Key(path), out var pending)) return pending;
        var node = tree.GetNode(path);
        if (node is null) return null;
        return new ChangeRecord(-1, path, new PendingStat(node.Version, node.Cversion, node.Aversion, node.EphemeralOwner),
            node.ChildCount, tree.AclOf(node), node.Data);
    }

    public void Add(ChangeRecord record)
    {
        var key = Key(record.Path);
        if (_undo is not null) _undo.Add((key, _latest.GetValueOrDefault(key)));
        _records.AddLast(record);
        _latest[key] = record;
    }

    /// <summary>Starts recording what a multi adds, so a failing op can roll the whole multi back.</summary>
    public void BeginMulti() => _undo = [];

    public void EndMulti() => _undo = null;

    /// <summary>rollbackPendingChanges: drop this multi's records and restore the records they shadowed.</summary>
    public void RollbackMulti()
    {
        if (_undo is null) return;
        for (var i = _undo.Count - 1; i >= 0; i--)
        {
            var (key, previous) = _undo[i];
            if (previous is null) _latest.Remove(key);
            else _latest[key] = previous;
            _records.RemoveLast();
        }
        _undo.Clear();
    }

    /// <summary>As FinalRequestProcessor: once the tree applied zxid, records up to it are no longer needed.</summary>
    public void Applied(long zxid)
    {
        while (_records.First is { } first && first.Value.Zxid <= zxid)
        {
            _records.RemoveFirst();
            var key = Key(first.Value.Path);
            if (_latest.TryGetValue(key, out var latest) && ReferenceEquals(latest, first.Value)) _latest.Remove(key);
        }
    }

    public void Clear()
    {
        _records.Clear();
        _latest.Clear();
        _undo = null;
    }

    private static string Key(string path) => path == DataTree.RootAlias ? DataTree.RootPath : path;
}
