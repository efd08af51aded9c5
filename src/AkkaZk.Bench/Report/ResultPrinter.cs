using AkkaZk.Bench.Load;
using AkkaZk.Bench.Metrics;

namespace AkkaZk.Bench.Report;

/// <summary>Prints a <see cref="LoadResult"/> as a latency table and a few lines about errors, CPU and memory.</summary>
public static class ResultPrinter
{
    public static void Print(TextWriter writer, LoadResult result)
    {
        var table = new Table("op", "ops", "ops/s", "mean µs", "p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "max µs");
        AddRow(table, "all", result.Latency, result.OpsPerSec);
        if (result.LatencyByOp.Count > 1)
        {
            foreach (var (op, latency) in result.LatencyByOp.OrderBy(p => p.Key, StringComparer.Ordinal))
                AddRow(table, op, latency, result.WindowSeconds > 0 ? latency.Count / result.WindowSeconds : 0);
        }
        table.WriteTo(writer);
        writer.WriteLine($"window {Fmt.Dec(result.WindowSeconds, 2)}s{(result.Exhausted ? " (the load ran out early" + (result.Ops == 0 ? ", during warm-up: raise --znodes" : "") + ")" : "")}" +
            $"{(result.Drained ? "" : ", NOT drained (replies still owed at the end)")}");
        writer.WriteLine(result.ErrorCount == 0
            ? "errors: none"
            : "errors: " + string.Join(", ", result.Errors.Select(e => $"{e.Key} {Fmt.Int(e.Value)}")));
        if (result.Server is { } server)
        {
            writer.WriteLine($"server pid {server.Pid}: {Fmt.Dec(server.CpuUsPerOp, 2)} CPU-µs/op, {Fmt.Dec(server.CoresBusy, 2)} cores busy, " +
                $"RSS {Fmt.Mb(server.RssKb)} MB (peak {Fmt.Mb(server.PeakRssKb)} MB)");
        }
        writer.WriteLine($"load generator: {Fmt.Dec(result.ClientCpuUsPerOp, 2)} CPU-µs/op");
        if (result.SendLag is { } lag)
            writer.WriteLine($"fixed rate: send lag behind schedule p50 {lag.P50Us} µs, p99 {lag.P99Us} µs, max {lag.MaxUs} µs (included in latency)");
    }

    private static void AddRow(Table table, string name, LatencySummary latency, double opsPerSec) =>
        table.Add(name, Fmt.Int(latency.Count), Fmt.Int(opsPerSec), Fmt.Dec(latency.MeanUs), Fmt.Int(latency.P50Us),
            Fmt.Int(latency.P90Us), Fmt.Int(latency.P99Us), Fmt.Int(latency.P999Us), Fmt.Int(latency.MaxUs));
}
