using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>
/// One znode, kept compact: its own name (not the full path: a path is walked from the root), the
/// StatPersisted fields, the data, an interned ACL ref and a child set that exists only while the node has
/// children. Cversion is the persisted one (counts child creations).
/// </summary>
internal sealed class DataNode
{
    public DataNode(string name, byte[]? data, int aclRef)
    {
        Name = name;
        Data = data;
        AclRef = aclRef;
    }

    /// <summary>The last path segment ("" for the root).</summary>
    public string Name { get; set; }
    public byte[]? Data { get; set; }
    public ChildSet? Children { get; private set; }
    public long Czxid { get; set; }
    public long Mzxid { get; set; }
    public long Ctime { get; set; }
    public long Mtime { get; set; }
    public long EphemeralOwner { get; set; }
    public long Pzxid { get; set; }
    public int Version { get; set; }
    public int Cversion { get; set; }
    public int Aversion { get; set; }
    public int AclRef { get; set; }

    public DigestStat DigestStat => new(Czxid, Mzxid, Pzxid, Ctime, Mtime, Version, Cversion, Aversion, EphemeralOwner);

    public int ChildCount => Children?.Count ?? 0;

    public DataNode? Child(ReadOnlySpan<char> name) => Children is not null && Children.TryGet(name, out var child) ? child : null;

    public void AddChild(DataNode child) => (Children ??= new ChildSet()).Add(child);

    public DataNode? RemoveChild(ReadOnlySpan<char> name)
    {
        if (Children is null) return null;
        var removed = Children.Remove(name);
        if (Children.Count == 0) Children = null;
        return removed;
    }

    /// <summary>DataNode.copyStat: visible cversion = 2 × persisted − numChildren; containers/TTLs show owner 0.</summary>
    public Stat ToStat(bool extendedTypesEnabled)
    {
        var children = ChildCount;
        return new Stat(
            Czxid, Mzxid, Ctime, Mtime, Version,
            unchecked(Cversion * 2 - children),
            Aversion,
            EphemeralType.ClientOwner(EphemeralOwner, extendedTypesEnabled),
            Data?.Length ?? 0,
            children,
            Pzxid);
    }
}
