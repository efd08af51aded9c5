using System.CommandLine;
using AkkaZk.Bench.Cli;
using AkkaZk.Bench.Load;
using AkkaZk.Bench.Metrics;
using AkkaZk.Bench.Report;
using AkkaZk.Bench.Workloads;

namespace AkkaZk.Bench.Commands;

/// <summary>`tree`: create N znodes as fast as pipelining allows, then report the server's resident memory.</summary>
public static class TreeCommand
{
    public static Command Create()
    {
        var target = Options.Target();
        var znodes = Options.Positive("--znodes", 1_000_000, "znodes to create");
        var parents = Options.Positive("--parents", 1000, "parents to spread them over");
        var valueSize = new Option<int>("--value-size") { Description = "bytes of data per znode", DefaultValueFactory = _ => 32 };
        var sessions = Options.Positive("--sessions", 8, "client sessions");
        var outstanding = Options.Positive("--outstanding", 64, "requests in flight per session");
        var timeout = Options.Duration("--timeout", TimeSpan.FromMinutes(10), "bound on building the tree");
        var settle = Options.Duration("--settle", TimeSpan.FromSeconds(2), "wait before the second RSS sample");
        var keep = new Option<bool>("--keep") { Description = "leave the tree in place (no cleanup)" };
        var cleanupTimeout = Options.Duration("--cleanup-timeout", TimeSpan.FromMinutes(10), "bound on cleanup");
        var sessionTimeout = Options.SessionTimeout(30000);
        var serverPid = Options.ServerPid();
        var json = Options.Json();
        var label = Options.Label();
        var command = new Command("tree", "create N znodes (15-character names, under P parents) pipelined, then report server RSS")
        {
            target, znodes, parents, valueSize, sessions, outstanding, timeout, settle, keep, cleanupTimeout, sessionTimeout, serverPid, json, label,
        };
        command.SetAction(async parse =>
        {
            var n = parse.GetValue(sessions);
            var settings = new ExecutionSettings(parse.GetValue(target)!, n, parse.GetValue(sessionTimeout),
                LoadSettings.Bulk(parse.GetValue(outstanding), parse.GetValue(timeout)), parse.GetValue(serverPid),
                !parse.GetValue(keep), TimeSpan.FromMinutes(1), parse.GetValue(cleanupTimeout));
            return await ExecuteAsync(settings, parse.GetValue(znodes), parse.GetValue(parents), parse.GetValue(valueSize),
                parse.GetValue(settle), parse.GetValue(label)!, parse.GetValue(json)).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(ExecutionSettings settings, int znodes, int parents, int valueSize, TimeSpan settle,
        string label, string? jsonPath)
    {
        var root = BenchRoot.New("tree");
        var startedAt = DateTimeOffset.UtcNow;
        var workload = new TreeWorkload(root, settings.Sessions, znodes, parents, BenchRoot.Value(valueSize));
        var before = Sample(settings.ServerPid);
        ProcessSample? after = null, settled = null;
        var report = await WorkloadExecution.RunAsync(workload, settings, Console.Error, async () =>
        {
            after = Sample(settings.ServerPid);
            await Task.Delay(settle).ConfigureAwait(false);
            settled = Sample(settings.ServerPid);
        }).ConfigureAwait(false);

        double? perZnode = before is not null && settled is not null ? Math.Round((settled.RssKb - before.RssKb) * 1024.0 / znodes, 1) : null;
        Console.WriteLine($"tree against {settings.Target}{(label.Length > 0 ? $" ({label})" : "")}: {Fmt.Int(znodes)} znodes " +
            $"under {Fmt.Int(parents)} parents, {valueSize} B each, {settings.Sessions} sessions x {settings.Load.Outstanding} outstanding");
        ResultPrinter.Print(Console.Out, report.Result);
        if (before is not null && after is not null && settled is not null)
        {
            Console.WriteLine($"server RSS: before {Fmt.Mb(before.RssKb)} MB, after {Fmt.Mb(after.RssKb)} MB, " +
                $"after {settle.TotalSeconds}s {Fmt.Mb(settled.RssKb)} MB => {Fmt.Int(perZnode ?? 0)} bytes/znode");
        }
        JsonReport.Write(jsonPath, new TreeReport("tree", label, settings.Target.ToString(), startedAt, root, znodes, parents, valueSize,
            settings.Sessions, settings.Load.Outstanding, report.Result, before?.RssKb, after?.RssKb, settled?.RssKb, perZnode,
            report.Prepare, report.Cleanup));
        return 0;
    }

    private static ProcessSample? Sample(int? pid) => pid is { } id ? ProcFs.Sample(id) : null;
}
