namespace AkkaZk.Persistence;

/// <summary>
/// When to take a snapshot, as ZooKeeper's SyncRequestProcessor.shouldSnapshot: once the txns logged since the
/// last snapshot exceed snapCount/2 + randRoll (randRoll uniform in [0, snapCount/2)), or, when a size limit is set,
/// the bytes logged exceed limit/2 + randSize. The rolls are redrawn by <see cref="Reset"/> after each snapshot, so
/// the servers of an ensemble do not all snapshot at the same zxid. Pure: the randomness is the seeded
/// <see cref="Random"/> passed in. Not thread-safe.
/// </summary>
public sealed class SnapshotPolicy
{
    /// <summary>ZooKeeper's default zookeeper.snapCount.</summary>
    public const int DefaultSnapCount = 100_000;

    private readonly Random _random;
    private int _randRoll;
    private long _randSize;

    /// <param name="snapCount">zookeeper.snapCount; at least 2.</param>
    /// <param name="random">Source of the rolls; seed it for reproducible tests.</param>
    /// <param name="snapSizeLimitBytes">zookeeper.snapSizeLimitInKb in bytes; 0 or less disables the size rule.</param>
    public SnapshotPolicy(int snapCount, Random random, long snapSizeLimitBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(snapCount, 2);
        ArgumentNullException.ThrowIfNull(random);
        SnapCount = snapCount;
        SnapSizeLimitBytes = Math.Max(0, snapSizeLimitBytes);
        _random = random;
        Reset();
    }

    public int SnapCount { get; }

    public long SnapSizeLimitBytes { get; }

    /// <summary>The txn count that must be exceeded: snapCount/2 + randRoll.</summary>
    public int CountThreshold => SnapCount / 2 + _randRoll;

    /// <summary>The byte count that must be exceeded (long.MaxValue when the size rule is off).</summary>
    public long SizeThreshold => SnapSizeLimitBytes > 0 ? SnapSizeLimitBytes / 2 + _randSize : long.MaxValue;

    public bool ShouldSnapshot(int txnsSinceLast, long bytesSinceLast = 0) =>
        txnsSinceLast > CountThreshold || bytesSinceLast > SizeThreshold;

    /// <summary>Redraws the rolls; call when a snapshot is taken (ZooKeeper's resetSnapshotStats).</summary>
    public void Reset()
    {
        _randRoll = _random.Next(SnapCount / 2);
        _randSize = SnapSizeLimitBytes > 1 ? _random.NextInt64(SnapSizeLimitBytes / 2) : 0;
    }
}
