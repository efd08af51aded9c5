using System.CommandLine;
using AkkaZk.Bench.Cli;
using AkkaZk.Bench.Load;
using AkkaZk.Bench.Net;
using AkkaZk.Bench.Report;
using AkkaZk.Bench.Workloads;

namespace AkkaZk.Bench.Commands;

/// <summary>
/// `latency`: the ZooKeeper paper's create-then-delete benchmark with W workers (one session each, one create
/// outstanding), for each W in --workers.
/// </summary>
public static class LatencyCommand
{
    public static Command Create()
    {
        var target = Options.Target();
        var workers = new Option<int[]>("--workers")
        {
            Description = "worker counts to run, comma-separated",
            DefaultValueFactory = _ => [1, 10, 20],
            CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(int.Parse).ToArray(),
        };
        var valueSize = new Option<int>("--value-size") { Description = "bytes of data per znode", DefaultValueFactory = _ => 100 };
        var duration = Options.Duration("--duration", TimeSpan.FromSeconds(5), "measured window per worker count");
        var warmup = Options.Duration("--warmup", TimeSpan.FromSeconds(1), "load before each window, not measured");
        var sessionTimeout = Options.SessionTimeout(30000);
        var serverPid = Options.ServerPid();
        var json = Options.Json();
        var label = Options.Label();
        var command = new Command("latency", "create-then-delete latency with W workers each 1 outstanding (ZooKeeper paper §5.2)")
        {
            target, workers, valueSize, duration, warmup, sessionTimeout, serverPid, json, label,
        };
        command.SetAction(async parse => await ExecuteAsync(parse.GetValue(target)!, parse.GetValue(workers)!, parse.GetValue(valueSize),
            parse.GetValue(duration), parse.GetValue(warmup), parse.GetValue(sessionTimeout), parse.GetValue(serverPid),
            parse.GetValue(label)!, parse.GetValue(json)).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> ExecuteAsync(Target target, int[] workerCounts, int valueSize, TimeSpan duration, TimeSpan warmup,
        int sessionTimeoutMs, int? serverPid, string label, string? jsonPath)
    {
        var root = BenchRoot.New("latency");
        var value = BenchRoot.Value(valueSize);
        var startedAt = DateTimeOffset.UtcNow;
        var levels = new List<LatencyLevel>();
        await WithSessionAsync(target, c => c.CreateAsync(root, null)).ConfigureAwait(false);
        try
        {
            foreach (var workers in workerCounts)
            {
                Console.Error.WriteLine($"latency: {workers} workers, warm-up {warmup.TotalSeconds}s, window {duration.TotalSeconds}s");
                var connections = await SessionPool.OpenAsync(target, workers, sessionTimeoutMs).ConfigureAwait(false);
                try
                {
                    var settings = new LoadSettings(1, warmup, duration, 0, TimeSpan.FromSeconds(30));
                    var result = await LoadRunner.RunAsync(connections, workers,
                        (i, recorder, _) => new CreateDeleteDriver(connections[i], $"{root}/w{workers}-{i}-", value, recorder),
                        settings, serverPid).ConfigureAwait(false);
                    var creates = result.LatencyByOp.GetValueOrDefault("create")?.Count ?? 0;
                    levels.Add(new LatencyLevel(workers, result.WindowSeconds > 0 ? Math.Round(creates / result.WindowSeconds, 1) : 0, result));
                }
                finally
                {
                    await SessionPool.CloseAsync(connections).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            // Each worker deleted what it created except, at most, its last znode: list and delete what is left.
            await WithSessionAsync(target, async c =>
            {
                foreach (var child in await c.GetChildrenAsync(root).ConfigureAwait(false)) await c.DeleteAsync($"{root}/{child}").ConfigureAwait(false);
                await c.DeleteAsync(root).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        Print(target, label, levels);
        JsonReport.Write(jsonPath, new LatencyReport("latency", label, target.ToString(), startedAt, root, valueSize, duration, warmup, levels));
        return 0;
    }

    private static void Print(Target target, string label, IReadOnlyList<LatencyLevel> levels)
    {
        Console.WriteLine($"latency (create, then async delete + next create) against {target}{(label.Length > 0 ? $" ({label})" : "")}");
        var table = new Table("workers", "creates/s", "create p50 µs", "create p99 µs", "create p99.9 µs", "delete p50 µs", "delete p99 µs", "errors", "server CPU-µs/op");
        foreach (var level in levels)
        {
            var create = level.Result.LatencyByOp.GetValueOrDefault("create");
            var delete = level.Result.LatencyByOp.GetValueOrDefault("delete");
            table.Add(level.Workers.ToString(System.Globalization.CultureInfo.InvariantCulture), Fmt.Int(level.CreatesPerSec),
                Fmt.Int(create?.P50Us ?? 0), Fmt.Int(create?.P99Us ?? 0), Fmt.Int(create?.P999Us ?? 0),
                Fmt.Int(delete?.P50Us ?? 0), Fmt.Int(delete?.P99Us ?? 0), Fmt.Int(level.Result.ErrorCount),
                level.Result.Server is { } s ? Fmt.Dec(s.CpuUsPerOp, 2) : "-");
        }
        table.WriteTo(Console.Out);
    }

    private static async Task WithSessionAsync(Target target, Func<AkkaZk.Client.ZkClient, Task> action)
    {
        var client = await AkkaZk.Client.ZkClient.ConnectAsync(target.Host, target.Port).ConfigureAwait(false);
        try
        {
            await action(client).ConfigureAwait(false);
        }
        finally
        {
            await client.CloseSessionAsync().ConfigureAwait(false);
        }
    }
}
