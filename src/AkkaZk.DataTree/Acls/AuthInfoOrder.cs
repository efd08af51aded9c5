using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>
/// The order in which ZooKeeper iterates a connection's auth ids. ServerCnxn.authInfo is a ConcurrentHashMap key
/// set (3.8), so fixupACL expands an <c>auth</c> ACL, and whoAmI lists identities, in hash-bucket order rather than
/// in the order the ids were added; the stored ACL order is visible to getACL.
/// </summary>
public static class AuthInfoOrder
{
    /// <summary>
    /// The ids in ConcurrentHashMap iteration order: by bucket <c>spread(Id.hashCode()) &amp; (n − 1)</c>, insertion
    /// order within a bucket; n starts at 16 and doubles once the count reaches n − n/4 (the map's sizeCtl).
    /// </summary>
    public static IReadOnlyList<Id> Of(IReadOnlyList<Id> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count < 2) return ids;
        var tableSize = 16;
        while (ids.Count >= tableSize - (tableSize >> 2)) tableSize <<= 1;
        var mask = tableSize - 1;
        // OrderBy is stable: ids in one bucket keep their insertion order.
        return ids.OrderBy(id => Spread(JavaHashCode(id)) & mask).ToArray();
    }

    /// <summary>The jute-generated Id.hashCode: 37 × (37 × 17 + scheme.hashCode()) + id.hashCode().</summary>
    public static int JavaHashCode(Id id)
    {
        ArgumentNullException.ThrowIfNull(id);
        unchecked
        {
            var result = 17;
            result = 37 * result + JavaStringHash(id.Scheme);
            result = 37 * result + JavaStringHash(id.Ident);
            return result;
        }
    }

    /// <summary>java.lang.String.hashCode over UTF-16 code units.</summary>
    public static int JavaStringHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 0;
        foreach (var c in text) hash = unchecked(31 * hash + c);
        return hash;
    }

    /// <summary>ConcurrentHashMap.spread: (h ^ (h &gt;&gt;&gt; 16)) &amp; HASH_BITS.</summary>
    private static int Spread(int h) => (h ^ (int)((uint)h >> 16)) & 0x7fffffff;
}
