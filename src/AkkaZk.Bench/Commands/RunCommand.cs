using System.CommandLine;
using AkkaZk.Bench.Cli;
using AkkaZk.Bench.Load;
using AkkaZk.Bench.Report;
using AkkaZk.Bench.Workloads;

namespace AkkaZk.Bench.Commands;

/// <summary>`run`: one op kind, pipelined over N sessions (closed loop) or at a fixed rate, measured after a warm-up.</summary>
public static class RunCommand
{
    private static readonly string[] OpKinds = ["create", "set", "get", "exists", "children", "delete", "mixed", "multi"];

    public static Command Create()
    {
        var target = Options.Target();
        var sessions = Options.Positive("--sessions", 8, "client sessions (one TCP connection each)");
        var outstanding = Options.Positive("--outstanding", 64, "requests in flight per session (the cap in fixed-rate mode)");
        var op = new Option<string>("--op") { Description = "operation", DefaultValueFactory = _ => "get" };
        op.AcceptOnlyFromAmong(OpKinds);
        var readPct = new Option<int>("--read-pct") { Description = "mixed: percentage of getData (the rest setData)", DefaultValueFactory = _ => 90 };
        var valueSize = new Option<int>("--value-size") { Description = "bytes of data per znode", DefaultValueFactory = _ => 100 };
        var znodes = Options.Positive("--znodes", 10000, "znodes prepared for get/set/exists/children/mixed/multi/delete");
        var multiSize = Options.Positive("--multi-size", 10, "multi: setData ops per multi");
        var leavesPerParent = Options.Positive("--leaves-per-parent", 100, "prepared znodes per parent (children: the size of each getChildren)");
        var duration = Options.Duration("--duration", TimeSpan.FromSeconds(10), "measured window");
        var warmup = Options.Duration("--warmup", TimeSpan.FromSeconds(3), "load before the window, not measured");
        var rate = new Option<double>("--rate") { Description = "fixed-rate mode: total requests/s (latency from intended send time); 0 = closed loop", DefaultValueFactory = _ => 0 };
        var noCleanup = new Option<bool>("--no-cleanup") { Description = "leave the run's znodes in place" };
        var cleanupTimeout = Options.Duration("--cleanup-timeout", TimeSpan.FromSeconds(60), "bound on setup and on cleanup");
        var sessionTimeout = Options.SessionTimeout(30000);
        var serverPid = Options.ServerPid();
        var json = Options.Json();
        var label = Options.Label();

        var command = new Command("run", "measure throughput and latency of one operation kind")
        {
            target, sessions, outstanding, op, readPct, valueSize, znodes, multiSize, leavesPerParent, duration, warmup, rate,
            noCleanup, cleanupTimeout, sessionTimeout, serverPid, json, label,
        };
        command.SetAction(async parse =>
        {
            var options = new RunOptions(parse.GetValue(op)!, parse.GetValue(sessions), parse.GetValue(outstanding),
                parse.GetValue(readPct), parse.GetValue(valueSize), parse.GetValue(znodes), parse.GetValue(multiSize),
                parse.GetValue(duration), parse.GetValue(warmup), parse.GetValue(rate), parse.GetValue(sessionTimeout),
                !parse.GetValue(noCleanup)) { LeavesPerParent = parse.GetValue(leavesPerParent) };
            var settings = new ExecutionSettings(parse.GetValue(target)!, options.Sessions, options.SessionTimeoutMs,
                new LoadSettings(options.Outstanding, options.Warmup, options.Duration, options.Rate, TimeSpan.FromSeconds(30)),
                parse.GetValue(serverPid), options.Cleanup, parse.GetValue(cleanupTimeout), parse.GetValue(cleanupTimeout));
            return await ExecuteAsync(options, settings, parse.GetValue(label)!, parse.GetValue(json)).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(RunOptions options, ExecutionSettings settings, string label, string? jsonPath)
    {
        var root = BenchRoot.New(options.Op);
        var workload = CreateWorkload(options, root);
        var startedAt = DateTimeOffset.UtcNow;
        var report = await WorkloadExecution.RunAsync(workload, settings, Console.Error).ConfigureAwait(false);
        var mode = options.Rate > 0 ? $"fixed rate {Fmt.Int(options.Rate)}/s" : "closed loop";
        Console.WriteLine($"run {options.Op} against {settings.Target}{(label.Length > 0 ? $" ({label})" : "")}: " +
            $"{options.Sessions} sessions x {options.Outstanding} outstanding, {mode}, value {options.ValueSize} B");
        ResultPrinter.Print(Console.Out, report.Result);
        JsonReport.Write(jsonPath, new RunReport("run", label, settings.Target.ToString(), startedAt, root, options,
            report.Result, report.Prepare, report.Cleanup));
        return 0;
    }

    private static IWorkload CreateWorkload(RunOptions options, string root)
    {
        var value = BenchRoot.Value(options.ValueSize);
        return options.Op switch
        {
            "create" => new CreateWorkload(root, options.Sessions, value),
            "delete" => new DeleteWorkload(root, options.Sessions, options.Znodes, value),
            "multi" => new MultiWorkload(new DataSet(root, options.Znodes, value, options.LeavesPerParent), options.MultiSize),
            _ => new ReadWriteWorkload(new DataSet(root, options.Znodes, value, options.LeavesPerParent), options.Op, options.ReadPct),
        };
    }
}
