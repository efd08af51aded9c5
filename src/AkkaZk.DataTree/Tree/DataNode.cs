using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>
/// One znode, kept compact: the StatPersisted fields, the data, an interned ACL ref and a child-name set
/// that exists only once the node has had a child. Cversion is the persisted one (counts child creations).
/// </summary>
internal sealed class DataNode
{
    public DataNode(byte[]? data, int aclRef)
    {
        Data = data;
        AclRef = aclRef;
    }

    public byte[]? Data { get; set; }
    public HashSet<string>? Children { get; private set; }
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

    public int ChildCount => Children?.Count ?? 0;

    public void AddChild(string name) => (Children ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);

    public void RemoveChild(string name)
    {
        if (Children is null) return;
        Children.Remove(name);
        if (Children.Count == 0) Children = null;
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
