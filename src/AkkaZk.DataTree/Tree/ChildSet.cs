namespace AkkaZk.DataTree;

/// <summary>
/// A node's children keyed by name (each child holds its own name, so a name is stored once and no full path is
/// kept per node). Up to <see cref="SmallLimit"/> children live in a small array scanned linearly; beyond that a
/// dictionary takes over, looked up by span so walking a path allocates nothing. Enumeration is insertion order
/// until the first removal from a large set, like the HashSet it replaces (ZooKeeper's order is a HashSet's too).
/// </summary>
internal sealed class ChildSet
{
    private const int SmallLimit = 8;

    private DataNode[]? _small = new DataNode[2];
    private int _smallCount;
    private Dictionary<string, DataNode>? _large;
    private Dictionary<string, DataNode>.AlternateLookup<ReadOnlySpan<char>> _largeBySpan;

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
            _large.Add(child.Name, child);
            return;
        }
        if (_smallCount < SmallLimit)
        {
            if (_smallCount == _small!.Length) Array.Resize(ref _small, _small.Length * 2);
            _small[_smallCount++] = child;
            return;
        }
        _large = new Dictionary<string, DataNode>(SmallLimit * 2, StringComparer.Ordinal);
        for (var i = 0; i < _smallCount; i++) _large.Add(_small![i].Name, _small[i]);
        _large.Add(child.Name, child);
        _largeBySpan = _large.GetAlternateLookup<ReadOnlySpan<char>>();
        _small = null;
        _smallCount = 0;
    }

    public DataNode? Remove(ReadOnlySpan<char> name)
    {
        if (_large is not null) return _largeBySpan.Remove(name, out _, out var removed) ? removed : null;
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
            if (_large is not null) return _large.Values;
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
