using System.Diagnostics;
using AkkaZk.Bench.Load;
using AkkaZk.Bench.Metrics;
using AkkaZk.Bench.Net;
using AkkaZk.Client;

namespace AkkaZk.Bench.Commands;

/// <summary>Loops connect → closeSession on several tasks and measures the sessions completed in the window.</summary>
public static class ConnectChurnRunner
{
    public static async Task<ConnectChurn> RunAsync(Target target, int concurrency, TimeSpan warmup, TimeSpan duration,
        int sessionTimeoutMs, int? serverPid)
    {
        var start = Stopwatch.GetTimestamp();
        var window = new MeasureWindow(start + MeasureWindow.TicksFrom(warmup), start + MeasureWindow.TicksFrom(warmup + duration));
        var loops = Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => LoopAsync(target, window, sessionTimeoutMs))).ToArray();
        await Task.Delay(warmup).ConfigureAwait(false);
        var before = serverPid is { } p0 ? ProcFs.Sample(p0) : null;
        await Task.Delay(duration).ConfigureAwait(false);
        var after = serverPid is { } p1 ? ProcFs.Sample(p1) : null;
        var results = await Task.WhenAll(loops).ConfigureAwait(false);

        var connect = new LatencyHistogram();
        var close = new LatencyHistogram();
        foreach (var (c, x, _) in results)
        {
            connect.Merge(c);
            close.Merge(x);
        }
        var seconds = duration.TotalSeconds;
        var sessions = close.Count;
        ServerUsage? usage = null;
        if (serverPid is { } pid && before is not null && after is not null)
        {
            var cpu = after.CpuSeconds - before.CpuSeconds;
            usage = new ServerUsage(pid, Math.Round(cpu, 3), sessions > 0 ? Math.Round(cpu * 1e6 / sessions, 2) : 0,
                Math.Round(cpu / seconds, 2), after.RssKb, after.PeakRssKb);
        }
        return new ConnectChurn(concurrency, seconds, sessions, Math.Round(sessions / seconds, 1), connect.Summarize(),
            close.Summarize(), results.Sum(r => r.Errors), usage);
    }

    private static async Task<(LatencyHistogram Connect, LatencyHistogram Close, long Errors)> LoopAsync(
        Target target, MeasureWindow window, int sessionTimeoutMs)
    {
        var connect = new LatencyHistogram();
        var close = new LatencyHistogram();
        long errors = 0;
        while (Stopwatch.GetTimestamp() < window.EndTicks)
        {
            var t0 = Stopwatch.GetTimestamp();
            try
            {
                var client = await ZkClient.ConnectAsync(target.Host, target.Port, sessionTimeoutMs).ConfigureAwait(false);
                var t1 = Stopwatch.GetTimestamp();
                await client.CloseSessionAsync().ConfigureAwait(false);
                var t2 = Stopwatch.GetTimestamp();
                if (!window.Contains(t2)) continue;
                connect.Record(MeasureWindow.MicrosBetween(t0, t1));
                close.Record(MeasureWindow.MicrosBetween(t1, t2));
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or SessionExpiredException)
            {
                if (window.Contains(Stopwatch.GetTimestamp())) errors++;
            }
        }
        return (connect, close, errors);
    }
}
