namespace AkkaZk.Bench.Metrics;

/// <summary>A process's CPU time so far (user + system, seconds) and resident memory (kB) at one instant.</summary>
public sealed record ProcessSample(double CpuSeconds, long RssKb, long PeakRssKb);
