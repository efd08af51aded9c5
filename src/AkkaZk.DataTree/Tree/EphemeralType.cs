namespace AkkaZk.DataTree;

/// <summary>What a StatPersisted.ephemeralOwner means (ZooKeeper's EphemeralType).</summary>
internal enum EphemeralKind
{
    Void,
    Normal,
    Container,
    Ttl,
}

/// <summary>ZooKeeper's EphemeralType owner encodings.</summary>
internal static class EphemeralType
{
    /// <summary>Long.MIN_VALUE marks a container.</summary>
    public const long ContainerOwner = long.MinValue;

    /// <summary>TTL values are 40 bits (about 34 years of ms).</summary>
    public const long MaxTtl = 0x000000FFFFFFFFFFL;

    private const long ExtendedMask = unchecked((long)0xFF00000000000000UL);
    private const long ReservedBitsMask = 0x00FFFF0000000000L;

    public static long TtlOwner(long ttl) => ExtendedMask | ttl;

    public static bool IsValidTtl(long ttl) => ttl > 0 && ttl <= MaxTtl;

    /// <summary>
    /// EphemeralType.get: the 0xFF high byte means TTL only when extended types are enabled; otherwise such an
    /// owner is a normal session (server id 255). An extended owner with unknown feature bits (ZooKeeper throws)
    /// is treated as normal.
    /// </summary>
    public static EphemeralKind Of(long owner, bool extendedTypesEnabled)
    {
        if (extendedTypesEnabled && (owner & ExtendedMask) == ExtendedMask && (owner & ReservedBitsMask) == 0)
            return EphemeralKind.Ttl;
        if (owner == ContainerOwner) return EphemeralKind.Container;
        return owner == 0 ? EphemeralKind.Void : EphemeralKind.Normal;
    }

    /// <summary>DataNode.getClientEphemeralOwner: clients see the owner of normal ephemerals only.</summary>
    public static long ClientOwner(long owner, bool extendedTypesEnabled) =>
        Of(owner, extendedTypesEnabled) == EphemeralKind.Normal ? owner : 0;
}
