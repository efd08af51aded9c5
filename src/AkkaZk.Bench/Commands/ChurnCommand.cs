using System.CommandLine;
using AkkaZk.Bench.Cli;
using AkkaZk.Bench.Net;
using AkkaZk.Bench.Report;
using AkkaZk.Client;

namespace AkkaZk.Bench.Commands;

/// <summary>
/// `churn`: session connect/close churn (sessions per second), then how long the server takes to remove the
/// ephemerals of N sessions that end together (closed, or with --expire dropped and left to expire).
/// </summary>
public static class ChurnCommand
{
    public static Command Create()
    {
        var target = Options.Target();
        var concurrency = Options.Positive("--concurrency", 4, "connect/close loops running at once");
        var duration = Options.Duration("--duration", TimeSpan.FromSeconds(5), "measured churn window");
        var warmup = Options.Duration("--warmup", TimeSpan.FromSeconds(1), "churn before the window, not measured");
        var ephemerals = new Option<int>("--ephemerals") { Description = "sessions holding one ephemeral each, ended together (0 skips)", DefaultValueFactory = _ => 1000 };
        var expire = new Option<bool>("--expire") { Description = "drop those sessions' connections and let them expire instead of closing them" };
        var sessionTimeout = new Option<int?>("--session-timeout") { Description = "session timeout to ask for, ms (default 30000; 4000 with --expire)" };
        var serverPid = Options.ServerPid();
        var json = Options.Json();
        var label = Options.Label();
        var command = new Command("churn", "session connect/close churn and removal of ephemerals of ended sessions")
        {
            target, concurrency, duration, warmup, ephemerals, expire, sessionTimeout, serverPid, json, label,
        };
        command.SetAction(async parse =>
        {
            var expiring = parse.GetValue(expire);
            return await ExecuteAsync(parse.GetValue(target)!, parse.GetValue(concurrency), parse.GetValue(warmup), parse.GetValue(duration),
                parse.GetValue(ephemerals), expiring, parse.GetValue(sessionTimeout) ?? (expiring ? 4000 : 30000),
                parse.GetValue(serverPid), parse.GetValue(label)!, parse.GetValue(json)).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(Target target, int concurrency, TimeSpan warmup, TimeSpan duration, int ephemerals,
        bool expire, int sessionTimeoutMs, int? serverPid, string label, string? jsonPath)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var root = BenchRoot.New("churn");
        Console.Error.WriteLine($"churn: {concurrency} loops, warm-up {warmup.TotalSeconds}s, window {duration.TotalSeconds}s");
        var churn = await ConnectChurnRunner.RunAsync(target, concurrency, warmup, duration, sessionTimeoutMs, serverPid).ConfigureAwait(false);

        var observer = await ZkClient.ConnectAsync(target.Host, target.Port, 30000).ConfigureAwait(false);
        EphemeralCleanup cleanup;
        try
        {
            await observer.CreateAsync(root, null).ConfigureAwait(false);
            var parent = $"{root}/e";
            await observer.CreateAsync(parent, null).ConfigureAwait(false);
            Console.Error.WriteLine($"ephemerals: {ephemerals} sessions, then {(expire ? "dropped" : "closed")}");
            cleanup = ephemerals > 0
                ? await EphemeralCleanupRunner.RunAsync(target, observer, parent, ephemerals, expire, sessionTimeoutMs, 4 * concurrency).ConfigureAwait(false)
                : new EphemeralCleanup(0, expire ? "expire" : "close", 0, 0, 0, 0, 0);
            foreach (var child in await observer.GetChildrenAsync(parent).ConfigureAwait(false))
                await observer.DeleteAsync($"{parent}/{child}").ConfigureAwait(false);
            await observer.DeleteAsync(parent).ConfigureAwait(false);
            await observer.DeleteAsync(root).ConfigureAwait(false);
        }
        finally
        {
            await observer.CloseSessionAsync().ConfigureAwait(false);
        }

        Print(target, label, churn, cleanup);
        JsonReport.Write(jsonPath, new ChurnReport("churn", label, target.ToString(), startedAt, root, churn, cleanup));
        return 0;
    }

    private static void Print(Target target, string label, ConnectChurn churn, EphemeralCleanup cleanup)
    {
        Console.WriteLine($"churn against {target}{(label.Length > 0 ? $" ({label})" : "")}: {churn.Concurrency} loops of connect + closeSession");
        new Table("sessions", "sessions/s", "connect p50 µs", "connect p99 µs", "close p50 µs", "close p99 µs", "errors", "server CPU-µs/session")
            .Add(Fmt.Int(churn.Sessions), Fmt.Int(churn.SessionsPerSec), Fmt.Int(churn.Connect.P50Us), Fmt.Int(churn.Connect.P99Us),
                Fmt.Int(churn.Close.P50Us), Fmt.Int(churn.Close.P99Us), Fmt.Int(churn.Errors), churn.Server is { } s ? Fmt.Dec(s.CpuUsPerOp, 1) : "-")
            .WriteTo(Console.Out);
        if (cleanup.Count == 0) return;
        Console.WriteLine($"{Fmt.Int(cleanup.Count)} sessions with an ephemeral each opened in {Fmt.Dec(cleanup.OpenSeconds, 2)}s; " +
            $"{(cleanup.Mode == "expire" ? "dropped" : "closed")} in {Fmt.Dec(cleanup.EndSeconds, 2)}s; " +
            (cleanup.Remaining == 0
                ? $"all ephemerals gone {Fmt.Dec(cleanup.GoneAfterSeconds, 3)}s after the first {(cleanup.Mode == "expire" ? "drop" : "close")}"
                : $"{cleanup.Remaining} ephemerals still there after {Fmt.Dec(cleanup.GoneAfterSeconds, 1)}s") +
            (cleanup.Mode == "expire" ? $" (negotiated timeout {cleanup.NegotiatedTimeoutMs} ms)" : ""));
    }
}
