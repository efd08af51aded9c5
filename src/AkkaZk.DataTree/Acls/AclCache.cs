using System.Collections.ObjectModel;
using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>
/// ZooKeeper's ReferenceCountedACLCache: each distinct ACL list is stored once under a ref (1, 2, … never
/// reused); nodes hold the ref. Ref −1 is OPEN_ACL_UNSAFE and is never stored (only the built-in nodes use it).
/// Refs are ints in memory (they are a counter); the snapshot writes them as longs.
/// </summary>
internal sealed class AclCache
{
    public const int OpenAclUnsafeRef = -1;

    private readonly Dictionary<int, Entry> _byRef = [];
    private readonly Dictionary<IReadOnlyList<Acl>, int> _byList = new(AclListComparer.Instance);
    private int _lastRef;

    public int Count => _byRef.Count;

    /// <summary>convertAcls: intern the list and count one more use. A null list maps to −1.</summary>
    public int Intern(IReadOnlyList<Acl>? acl)
    {
        if (acl is null) return OpenAclUnsafeRef;
        if (!_byList.TryGetValue(acl, out var aclRef))
        {
            aclRef = checked(++_lastRef);
            var stored = new ReadOnlyCollection<Acl>([.. acl]);
            _byRef.Add(aclRef, new Entry(stored));
            _byList.Add(stored, aclRef);
        }
        _byRef[aclRef].Uses++;
        return aclRef;
    }

    /// <summary>convertLong: the list behind a ref.</summary>
    public IReadOnlyList<Acl> Resolve(int aclRef)
    {
        if (aclRef == OpenAclUnsafeRef) return Acl.OpenAclUnsafe;
        if (_byRef.TryGetValue(aclRef, out var entry)) return entry.Acl;
        throw new InvalidOperationException($"Failed to fetch acls for {aclRef}");
    }

    public bool Contains(int aclRef) => aclRef == OpenAclUnsafeRef || _byRef.ContainsKey(aclRef);

    /// <summary>removeUsage: the entry goes away when its last user does.</summary>
    public void Release(int aclRef)
    {
        if (aclRef == OpenAclUnsafeRef || !_byRef.TryGetValue(aclRef, out var entry)) return;
        if (--entry.Uses > 0) return;
        _byRef.Remove(aclRef);
        _byList.Remove(entry.Acl);
    }

    /// <summary>addUsage, used when loading nodes from a snapshot.</summary>
    public void AddUsage(int aclRef)
    {
        if (aclRef != OpenAclUnsafeRef && _byRef.TryGetValue(aclRef, out var entry)) entry.Uses++;
    }

    /// <summary>Loads one snapshot entry with no users yet; the counter continues after the largest ref.</summary>
    public void Load(int aclRef, IReadOnlyList<Acl> acl)
    {
        var stored = new ReadOnlyCollection<Acl>([.. acl]);
        if (!_byRef.TryAdd(aclRef, new Entry(stored)))
            throw new InvalidDataException($"Duplicate ACL ref {aclRef} in snapshot");
        _byList.TryAdd(stored, aclRef);
        if (aclRef > _lastRef) _lastRef = aclRef;
    }

    /// <summary>purgeUnused, after a snapshot load.</summary>
    public void PurgeUnused()
    {
        foreach (var (aclRef, entry) in _byRef.Where(e => e.Value.Uses <= 0).ToList())
        {
            _byRef.Remove(aclRef);
            if (_byList.TryGetValue(entry.Acl, out var mapped) && mapped == aclRef) _byList.Remove(entry.Acl);
        }
    }

    /// <summary>The entries in ref order (ZooKeeper writes hash-map order; any order loads the same).</summary>
    public IEnumerable<KeyValuePair<int, IReadOnlyList<Acl>>> Entries() =>
        _byRef.OrderBy(e => e.Key).Select(e => new KeyValuePair<int, IReadOnlyList<Acl>>(e.Key, e.Value.Acl));

    internal int UsesOf(int aclRef) => _byRef.TryGetValue(aclRef, out var entry) ? (int)entry.Uses : 0;

    private sealed class Entry(IReadOnlyList<Acl> acl)
    {
        public IReadOnlyList<Acl> Acl { get; } = acl;
        public long Uses { get; set; }
    }
}
