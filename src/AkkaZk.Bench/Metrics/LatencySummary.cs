namespace AkkaZk.Bench.Metrics;

/// <summary>Latency percentiles in microseconds.</summary>
public sealed record LatencySummary(long Count, long MinUs, double MeanUs, long P50Us, long P90Us, long P99Us, long P999Us, long MaxUs);
