namespace AkkaZk.Bench.Load;

/// <summary>
/// The server process over the measured window: CPU seconds (utime + stime), CPU per successful op, mean cores
/// busy, and resident memory at the end of the window.
/// </summary>
public sealed record ServerUsage(int Pid, double CpuSeconds, double CpuUsPerOp, double CoresBusy, long RssKb, long PeakRssKb);
