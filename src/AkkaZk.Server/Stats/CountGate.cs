namespace AkkaZk.Server.Stats;

/// <summary>
/// A counter that can be awaited until it falls to a fixed threshold, without polling: the flow-control gate of
/// globalOutstandingLimit (threshold = the limit) and of one connection's own outstanding requests (threshold 0).
/// Safe for any number of threads; waiters share one completion that the decrement crossing the threshold sets.
/// </summary>
public sealed class CountGate(long threshold)
{
    private long _count;
    private TaskCompletionSource? _waiters;

    public long Threshold { get; } = threshold;

    public long Count => Interlocked.Read(ref _count);

    public bool IsAboveThreshold => Count > Threshold;

    public void Increment() => Interlocked.Increment(ref _count);

    public void Decrement(long by = 1)
    {
        if (by <= 0) return;
        if (Interlocked.Add(ref _count, -by) > Threshold) return;
        // The decrement above is a full fence, so either this exchange sees a waiter published before it,
        // or that waiter's re-check (after publishing) sees the new count.
        Interlocked.Exchange(ref _waiters, null)?.TrySetResult();
    }

    /// <summary>Completes once the count is at or below the threshold (at once when it already is).</summary>
    public Task WhenAtOrBelowThreshold()
    {
        if (!IsAboveThreshold) return Task.CompletedTask;
        var waiters = Volatile.Read(ref _waiters);
        if (waiters is null)
        {
            var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters = Interlocked.CompareExchange(ref _waiters, created, null) ?? created;
        }
        if (!IsAboveThreshold)
        {
            Interlocked.CompareExchange(ref _waiters, null, waiters);
            waiters.TrySetResult();
        }
        return waiters.Task;
    }
}
