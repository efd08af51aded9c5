namespace AkkaZk.DataTree;

public sealed partial class DataTree
{
    /// <summary>
    /// The TTL of a TTL node, kept in its ephemeral owner (0xFF00000000000000 | ttl, ZooKeeper's EphemeralType);
    /// null for any other node, or when extended types are off. For the container/TTL manager.
    /// </summary>
    public long? TtlOf(string path)
    {
        var node = GetNode(path);
        if (node is null || EphemeralType.Of(node.EphemeralOwner, ExtendedTypesEnabled) != EphemeralKind.Ttl) return null;
        return node.EphemeralOwner & EphemeralType.MaxTtl;
    }
}
