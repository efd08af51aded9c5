namespace AkkaZk.DataTree;

/// <summary>
/// A node's children keyed by name (each child holds its own name, so a name is stored once and no full path is
/// kept per node). Up to <see cref="SmallLimit"/> children live in a small array scanned linearly; beyond that a
/// set of nodes compared by name takes over, looked up by span so walking a path allocates nothing. Enumeration is insertion order
/// until the first removal from a large set, like the HashSet it replaces (ZooKeeper's order is a HashSet's too).
/// </summary>
internal sealed class ChildSet
{
    private const int SmallLimit = 8;

    private DataNode[]? _small = new DataNode[2];
    private int _smallCount;
    private HashSet<DataNode>? _large;
    private HashSet<DataNode>.AlternateLookup<ReadOnlySpan<char>> _largeBySpan;

    public int Count => _large?.Count ?? _smallCount;

    public bool TryGet(ReadOnlySpan<char> name, out DataNode child)
    {
        if (_large is not null) return _largeBySpan.TryGetValue(name, out child!);
        for (var i = 0; i < _smallCount; i++)
        {
            if (name.SequenceEqual(_small![i].Name))
            {
                child = _small[i];
                return true;
            }
        }
        child = null!;
        return false;
    }

    /// <summary>Adds a child whose name is not yet present (callers look it up first).</summary>
    public void Add(DataNode child)
    {
        if (_large is not null)
        {
            _large.Add(child);
            return;
        }
        if (_smallCount < SmallLimit)
        {
            if (_smallCount == _small!.Length) Array.Resize(ref _small, _small.Length * 2);
            _small[_smallCount++] = child;
            return;
        }
        _large = new HashSet<DataNode>(SmallLimit * 2, ChildNameComparer.Instance);
        for (var i = 0; i < _smallCount; i++) _large.Add(_small![i]);
        _large.Add(child);
        _largeBySpan = _large.GetAlternateLookup<ReadOnlySpan<char>>();
        _small = null;
        _smallCount = 0;
    }

    public DataNode? Remove(ReadOnlySpan<char> name)
    {
        if (_large is not null)
        {
            if (!_largeBySpan.TryGetValue(name, out var removed)) return null;
            _large.Remove(removed);
            return removed;
        }
        for (var i = 0; i < _smallCount; i++)
        {
            var child = _small![i];
            if (!name.SequenceEqual(child.Name)) continue;
            Array.Copy(_small, i + 1, _small, i, _smallCount - i - 1);
            _small[--_smallCount] = null!;
            return child;
        }
        return null;
    }

    public IEnumerable<DataNode> Nodes
    {
        get
        {
            if (_large is not null) return _large;
            return new ArraySegment<DataNode>(_small!, 0, _smallCount);
        }
    }

    public string[] NamesArray()
    {
        var names = new string[Count];
        var i = 0;
        foreach (var child in Nodes) names[i++] = child.Name;
        return names;
    }
}
