namespace AkkaZk.Server.Stats;

/// <summary>
/// One of ZooKeeper's summary metrics (mntr zk_avg_/min_/max_/cnt_/sum_&lt;name&gt;, and for some p50/p95/p99/p999,
/// here over the most recent 1024 samples where ZooKeeper uses a sampling reservoir). Thread-safe.
/// </summary>
public sealed class SummaryStat(string name, bool withPercentiles)
{
    private const int SampleCapacity = 1024;
    private readonly Lock _gate = new();
    private readonly long[]? _samples = withPercentiles ? new long[SampleCapacity] : null;
    private int _sampleCount;
    private int _next;
    private long _count;
    private long _sum;
    private long _min = long.MaxValue;
    private long _max = long.MinValue;

    public string Name { get; } = name;

    public bool WithPercentiles => _samples is not null;

    public void Add(long value)
    {
        lock (_gate)
        {
            _count++;
            _sum += value;
            if (value < _min) _min = value;
            if (value > _max) _max = value;
            if (_samples is null) return;
            _samples[_next] = value;
            _next = (_next + 1) % SampleCapacity;
            if (_sampleCount < SampleCapacity) _sampleCount++;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _count = _sum = 0;
            _min = long.MaxValue;
            _max = long.MinValue;
            _sampleCount = _next = 0;
        }
    }

    public SummarySnapshot Snapshot()
    {
        lock (_gate)
        {
            if (_samples is null) return new SummarySnapshot(Name, _count, _sum, _count == 0 ? 0 : _min, _count == 0 ? 0 : _max, null);
            var sorted = _samples.AsSpan(0, _sampleCount).ToArray();
            Array.Sort(sorted);
            long[] percentiles = [Percentile(sorted, 0.5), Percentile(sorted, 0.95), Percentile(sorted, 0.99), Percentile(sorted, 0.999)];
            return new SummarySnapshot(Name, _count, _sum, _count == 0 ? 0 : _min, _count == 0 ? 0 : _max, percentiles);
        }
    }

    private static long Percentile(long[] sorted, double quantile)
    {
        if (sorted.Length == 0) return 0;
        var index = (int)Math.Ceiling(quantile * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
