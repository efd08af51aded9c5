namespace AkkaZk.Persistence;

/// <summary>
/// What an autopurge did: the zxid of the oldest snapshot kept (0 when there was no valid snapshot, in which case
/// nothing was purged) and how many journal entries were deleted.
/// </summary>
public sealed record PurgeResult(long OldestRetainedSnapshotZxid, int TxnsDeleted);
