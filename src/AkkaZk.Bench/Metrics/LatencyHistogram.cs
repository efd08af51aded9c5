using System.Numerics;

namespace AkkaZk.Bench.Metrics;

/// <summary>
/// A log-linear histogram of microsecond values in the manner of HdrHistogram: values below 256 are exact; above,
/// each power of two is split into 128 buckets, so any value is kept within 0.8%. Not thread-safe: one per recorder,
/// merged at the end.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 7;
    private const int HalfCount = 1 << SubBucketBits;        // 128 buckets per power of two
    private const int LinearCount = HalfCount * 2;            // 0..255 recorded exactly
    private const int MaxShift = 40;                          // up to ~2^48 µs

    private readonly long[] _counts = new long[(MaxShift + 2) * HalfCount];
    private long _sum;

    public long Count { get; private set; }
    public long Min { get; private set; } = long.MaxValue;
    public long Max { get; private set; }
    public double Mean => Count == 0 ? 0 : (double)_sum / Count;

    public void Record(long micros)
    {
        if (micros < 0) micros = 0;
        _counts[IndexOf(micros)]++;
        Count++;
        _sum += micros;
        if (micros < Min) Min = micros;
        if (micros > Max) Max = micros;
    }

    public void Merge(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
        Count += other.Count;
        _sum += other._sum;
        if (other.Count == 0) return;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>The highest value equivalent to the one at the percentile (0–100), as HdrHistogram reports it.</summary>
    public long ValueAtPercentile(double percentile)
    {
        if (Count == 0) return 0;
        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * Count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank) return Math.Min(HighestEquivalent(i), Max);
        }
        return Max;
    }

    public LatencySummary Summarize() => Count == 0
        ? new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0)
        : new LatencySummary(Count, Min, Math.Round(Mean, 1), ValueAtPercentile(50), ValueAtPercentile(90),
            ValueAtPercentile(99), ValueAtPercentile(99.9), Max);

    private static int IndexOf(long value)
    {
        if (value < LinearCount) return (int)value;
        var shift = Math.Min(63 - BitOperations.LeadingZeroCount((ulong)value) - SubBucketBits, MaxShift);
        var top = Math.Min(value >> shift, LinearCount - 1);
        return shift * HalfCount + (int)top;
    }

    private static long HighestEquivalent(int index)
    {
        if (index < LinearCount) return index;
        var shift = (index >> SubBucketBits) - 1;
        var top = index - shift * HalfCount;
        return ((top + 1L) << shift) - 1;
    }
}
