namespace AkkaZk.Server.Stats;

/// <summary>A summary metric at one moment; Percentiles (p50, p95, p99, p999) only for the metrics that have them.</summary>
public sealed record SummarySnapshot(string Name, long Count, long Sum, long Min, long Max, IReadOnlyList<long>? Percentiles)
{
    public double Average => Count == 0 ? 0.0 : (double)Sum / Count;
}
