using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>Content equality of ACL lists (java.util.List.equals), the key of the interned ACL cache.</summary>
internal sealed class AclListComparer : IEqualityComparer<IReadOnlyList<Acl>>
{
    public static readonly AclListComparer Instance = new();

    public bool Equals(IReadOnlyList<Acl>? x, IReadOnlyList<Acl>? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null || x.Count != y.Count) return false;
        for (var i = 0; i < x.Count; i++)
            if (!x[i].Equals(y[i])) return false;
        return true;
    }

    public int GetHashCode(IReadOnlyList<Acl> obj)
    {
        var hash = new HashCode();
        foreach (var acl in obj) hash.Add(acl);
        return hash.ToHashCode();
    }
}
