namespace AkkaZk.DataTree;

/// <summary>
/// Prep switches: zookeeper.extendedTypesEnabled (TTL nodes; otherwise createTTL is Unimplemented) and
/// zookeeper.enforceQuota (hard quota limits fail writes with QuotaExceeded).
/// </summary>
public sealed record PrepSettings(bool ExtendedTypesEnabled = false, bool EnforceQuota = false);
