namespace AkkaZk.Persistence;

/// <summary>A snapshot file: the zxid in its name (lastProcessedZxid when it was taken), its path and size in bytes.</summary>
public sealed record SnapshotInfo(long Zxid, string Path, long Size);
