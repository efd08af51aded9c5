using System.Diagnostics;
using AkkaZk.Bench.Metrics;
using AkkaZk.Bench.Net;

namespace AkkaZk.Bench.Load;

/// <summary>
/// Drives connections (source i on connection i) through warm-up and the measured window, samples the server's
/// /proc figures at both ends of the window, stops, drains (bounded) and merges what the drivers recorded.
/// A finite load that runs out early ends the window at its last reply.
/// </summary>
public static class LoadRunner
{
    public static Task<LoadResult> RunAsync(
        IReadOnlyList<PipelinedConnection> connections, IReadOnlyList<IOpSource> sources, LoadSettings settings, int? serverPid)
    {
        if (sources.Count > connections.Count) throw new ArgumentException("more sources than connections");
        // In fixed-rate mode each connection sends rate/n per second, connection i starting i/rate later so the
        // sends interleave evenly.
        var interval = settings.Rate > 0 ? Stopwatch.Frequency * (double)sources.Count / settings.Rate : 0;
        return RunAsync(connections, sources.Count, (i, recorder, startTicks) => settings.Rate > 0
            ? new FixedRateDriver(connections[i], sources[i], recorder, settings.Outstanding,
                startTicks + (long)(i * interval / sources.Count), interval, recorder.Window.EndTicks)
            : new ClosedLoopDriver(connections[i], sources[i], recorder, settings.Outstanding),
            settings, serverPid);
    }

    /// <summary>Runs drivers built by <paramref name="createDriver"/>(index, recorder, start ticks) on connections 0 … count − 1.</summary>
    public static async Task<LoadResult> RunAsync(IReadOnlyList<PipelinedConnection> connections, int count,
        Func<int, WindowRecorder, long, IDriver> createDriver, LoadSettings settings, int? serverPid)
    {
        var startTicks = Stopwatch.GetTimestamp();
        var windowStart = startTicks + MeasureWindow.TicksFrom(settings.Warmup);
        var window = new MeasureWindow(windowStart, windowStart + MeasureWindow.TicksFrom(settings.Duration));
        var drivers = Enumerable.Range(0, count).Select(i => createDriver(i, new WindowRecorder(window), startTicks)).ToArray();
        for (var i = 0; i < drivers.Length; i++) connections[i].Sink = drivers[i];
        foreach (var driver in drivers) driver.Start();
        var allDone = Task.WhenAll(drivers.Select(d => d.Done));

        await WaitUntilAsync(window.StartTicks, allDone).ConfigureAwait(false);
        var server0 = Sample(serverPid);
        var client0 = ProcFs.Sample(Environment.ProcessId);
        await WaitUntilAsync(window.EndTicks, allDone).ConfigureAwait(false);
        var server1 = Sample(serverPid);
        var client1 = ProcFs.Sample(Environment.ProcessId);
        var exhausted = allDone.IsCompleted && drivers.Any(d => d.RanOut);
        var endTicks = exhausted
            ? Math.Max(window.StartTicks, drivers.Max(d => d.Recorder.LastInWindowTicks))
            : Math.Min(Stopwatch.GetTimestamp(), window.EndTicks);

        foreach (var driver in drivers) driver.Stop();
        var drained = await Task.WhenAny(allDone, Task.Delay(settings.DrainTimeout)).ConfigureAwait(false) == allDone;
        for (var i = 0; i < drivers.Length; i++) connections[i].Sink = NullSink.Instance;

        var seconds = MeasureWindow.MicrosBetween(window.StartTicks, endTicks) / 1e6;
        return Summarize(drivers, seconds, server0, server1, client0, client1, serverPid, drained, exhausted);
    }

    private static LoadResult Summarize(IDriver[] drivers, double seconds, ProcessSample? server0, ProcessSample? server1,
        ProcessSample? client0, ProcessSample? client1, int? serverPid, bool drained, bool exhausted)
    {
        var all = new LatencyHistogram();
        var byOp = new Dictionary<int, LatencyHistogram>();
        var errors = new Dictionary<string, long>();
        LatencyHistogram? lag = null;
        foreach (var driver in drivers)
        {
            all.Merge(driver.Recorder.All);
            foreach (var (op, histogram) in driver.Recorder.ByOp)
            {
                if (!byOp.TryGetValue(op, out var merged)) byOp[op] = merged = new LatencyHistogram();
                merged.Merge(histogram);
            }
            foreach (var (err, count) in driver.Recorder.Errors)
                errors[OpNames.ErrorName(err)] = errors.GetValueOrDefault(OpNames.ErrorName(err)) + count;
            if (driver.SendLag is { } sendLag) (lag ??= new LatencyHistogram()).Merge(sendLag);
        }
        var ops = all.Count;
        var clientCpu = client0 is not null && client1 is not null ? client1.CpuSeconds - client0.CpuSeconds : 0;
        return new LoadResult(
            Math.Round(seconds, 3), ops, seconds > 0 ? Math.Round(ops / seconds, 1) : 0, all.Summarize(),
            byOp.ToDictionary(p => OpNames.Of(p.Key), p => p.Value.Summarize()),
            errors.Values.Sum(), errors, lag?.Summarize(),
            Usage(serverPid, server0, server1, ops, seconds),
            Math.Round(clientCpu, 3), ops > 0 ? Math.Round(clientCpu * 1e6 / ops, 2) : 0, drained, exhausted);
    }

    private static ServerUsage? Usage(int? pid, ProcessSample? before, ProcessSample? after, long ops, double seconds)
    {
        if (pid is not { } id || before is null || after is null) return null;
        var cpu = after.CpuSeconds - before.CpuSeconds;
        return new ServerUsage(id, Math.Round(cpu, 3), ops > 0 ? Math.Round(cpu * 1e6 / ops, 2) : 0,
            seconds > 0 ? Math.Round(cpu / seconds, 2) : 0, after.RssKb, after.PeakRssKb);
    }

    private static ProcessSample? Sample(int? pid) => pid is { } id ? ProcFs.Sample(id) : null;

    /// <summary>Waits until the timestamp (Task.Delay can fire up to a millisecond early, so check) or until done.</summary>
    private static async Task WaitUntilAsync(long ticks, Task done)
    {
        while (!done.IsCompleted)
        {
            var micros = MeasureWindow.MicrosBetween(Stopwatch.GetTimestamp(), ticks);
            if (micros <= 0) return;
            await Task.WhenAny(done, Task.Delay(TimeSpan.FromMicroseconds(Math.Max(micros, 1000)))).ConfigureAwait(false);
        }
    }
}
