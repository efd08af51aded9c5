namespace AkkaZk.Server.Stats;

/// <summary>A thread-safe counter (one of ZooKeeper's ServerMetrics counters).</summary>
public sealed class Counter
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Add(long delta = 1) => Interlocked.Add(ref _value, delta);

    public void Reset() => Interlocked.Exchange(ref _value, 0);
}
