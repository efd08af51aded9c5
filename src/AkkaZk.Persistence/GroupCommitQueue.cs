namespace AkkaZk.Persistence;

/// <summary>
/// Group commit as ZooKeeper's SyncRequestProcessor does it: txns wait here while a flush is in progress, and
/// the next flush takes everything waiting, up to a cap (zookeeper.maxBatchSize, default 1000). A flush starts as
/// soon as the writer is free, never on a timer, so a lone client is not delayed and a busy server amortises one
/// fsync over many txns. Pure (no threads, no clock): the owning actor decides when to call
/// <see cref="TakeBatch()"/>. Not thread-safe.
/// </summary>
public sealed class GroupCommitQueue<T>
{
    public const int DefaultMaxBatchSize = 1000;

    private readonly Queue<T> _waiting = new();

    public GroupCommitQueue(int maxBatchSize = DefaultMaxBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        MaxBatchSize = maxBatchSize;
    }

    public int MaxBatchSize { get; }

    public int Count => _waiting.Count;

    public bool IsEmpty => _waiting.Count == 0;

    public void Enqueue(T item) => _waiting.Enqueue(item);

    /// <summary>Everything waiting, oldest first, up to <see cref="MaxBatchSize"/>.</summary>
    public IReadOnlyList<T> TakeBatch() => TakeBatch(MaxBatchSize);

    /// <summary>Everything waiting, oldest first, up to <paramref name="max"/>; empty when nothing waits.</summary>
    public IReadOnlyList<T> TakeBatch(int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var count = Math.Min(max, _waiting.Count);
        if (count == 0) return [];
        var batch = new T[count];
        for (var i = 0; i < count; i++) batch[i] = _waiting.Dequeue();
        return batch;
    }
}
