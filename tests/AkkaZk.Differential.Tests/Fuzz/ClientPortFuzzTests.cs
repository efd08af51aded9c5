using System.Collections.Concurrent;
using System.Diagnostics;
using AkkaZk.Differential.Tests.Servers;
using Xunit.Abstractions;

namespace AkkaZk.Differential.Tests.Fuzz;

/// <summary>
/// Bad input on the client port of a real AkkaZk process: concurrent connections send random bytes and damaged
/// valid traffic (<see cref="FuzzCaseGenerator"/>). Each must be answered or closed by the server within a bound;
/// meanwhile the process keeps running under 1 GiB RSS, answers ruok, and a witness session keeps working; at the
/// end no connection is left open on the server.
///
/// CI: 20 s, 8 connections, a fixed seed. Longer: AKKAZK_FUZZ_SECONDS=300 (AKKAZK_FUZZ_SEED=N or random,
/// AKKAZK_FUZZ_CONNECTIONS=N; AKKAZK_FUZZ_CASE=S replays the one case a failure names).
/// </summary>
public sealed class ClientPortFuzzTests(AkkaZkFixture fixture, ITestOutputHelper output) : IClassFixture<AkkaZkFixture>
{
    private static readonly TimeSpan CaseBound = TimeSpan.FromSeconds(15);
    /// <summary>The sessionless connection timeout (10 s, as ZooKeeper) and room for a busy machine.</summary>
    private static readonly TimeSpan IdleBound = TimeSpan.FromSeconds(25);
    private const int MaxIdleConnections = 256;
    private static readonly TimeSpan HealthInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan CleanUpBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Fuzzed_client_connections_are_answered_or_closed_and_the_node_stays_healthy()
    {
        var settings = FuzzSettings.FromEnvironment();
        var server = fixture.Server;
        var tally = new FuzzTally();
        var clock = Stopwatch.StartNew();
        await using var health = await NodeHealth.StartAsync(server);
        long[] witness = [health.Witness.SessionId];
        var baseline = await server.MonitorValueAsync("num_alive_connections");
        Report($"fuzz: seed {settings.Seed}, {settings.Connections} connections, {settings.Duration.TotalSeconds}s" +
               (settings.ReplayCase is { } c ? $", replaying case {c} only" : ""));
        try
        {
            using var stop = new CancellationTokenSource();
            var idle = new ConcurrentQueue<Task>();
            var workers = settings.ReplayCase is { } replay
                ? [RunCaseAsync(server, FuzzCaseGenerator.Generate(replay, witness), tally, idle, stop.Token)]
                : Enumerable.Range(0, settings.Connections).Select(w => WorkerAsync(server, settings, witness, w, tally, idle, stop)).ToArray();
            if (settings.ReplayCase is null) stop.CancelAfter(settings.Duration);
            var fuzzing = Task.WhenAll(workers).ContinueWith(_ => Task.WhenAll(idle), TaskScheduler.Default).Unwrap();
            await MonitorAsync(health, fuzzing, stop);
            await Task.WhenAll(workers);
            await Task.WhenAll(idle);
            await health.CheckAsync();
            Assert.True(health.Witness.Reconnects <= tally.SessionClaims,
                $"the witness lost its connection {health.Witness.Reconnects} times, but only {tally.SessionClaims} fuzz handshakes claimed its session");
            await AwaitConnectionsClosedAsync(server, baseline);
        }
        catch (Exception ex)
        {
            Report($"FAILED: {ex.Message}\nreplay the run with AKKAZK_FUZZ_SEED={settings.Seed} AKKAZK_FUZZ_CONNECTIONS={settings.Connections}, " +
                   "or the named case alone with AKKAZK_FUZZ_CASE=<its seed>" +
                   $"\nserver log tail:\n{server.LogTail()}");
            throw;
        }
        finally
        {
            Report($"fuzz: {tally} in {clock.Elapsed.TotalSeconds:F1}s; peak RSS {health.PeakRssBytes >> 20} MiB over {health.Checks} health checks; " +
                   $"witness reconnected {health.Witness.Reconnects} times");
        }
    }

    /// <summary>One fuzz connection after another until the run stops; a failure stops the whole run.</summary>
    private static async Task WorkerAsync(ServerProcess server, FuzzSettings settings, long[] otherSessions, int worker, FuzzTally tally,
        ConcurrentQueue<Task> idle, CancellationTokenSource stop)
    {
        try
        {
            for (long index = 0; !stop.IsCancellationRequested; index++)
            {
                var fuzzCase = FuzzCaseGenerator.Generate(settings.CaseSeed(worker, index), otherSessions);
                await RunCaseAsync(server, fuzzCase, tally, idle, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    }

    /// <summary>Runs a case; an <see cref="CaseEnding.Idle"/> one waits for the server in the background (many at once).</summary>
    private static async Task RunCaseAsync(ServerProcess server, FuzzCase fuzzCase, FuzzTally tally, ConcurrentQueue<Task> idle,
        CancellationToken cancellationToken)
    {
        if (fuzzCase.Ending != CaseEnding.Idle) await RunAsync(CaseBound, cancellationToken);
        else if (idle.Count(t => !t.IsCompleted) < MaxIdleConnections) idle.Enqueue(RunAsync(IdleBound, CancellationToken.None));
        else await RunAsync(IdleBound, CancellationToken.None);

        async Task RunAsync(TimeSpan bound, CancellationToken token) =>
            tally.Add(fuzzCase, await RunBoundedAsync(server, fuzzCase, bound, token));
    }

    private static async Task<CaseResult> RunBoundedAsync(ServerProcess server, FuzzCase fuzzCase, TimeSpan bound, CancellationToken cancellationToken)
    {
        try
        {
            return await FuzzConnection.RunAsync(ServerProcess.Host, server.Port, fuzzCase, bound, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not FuzzHangException)
        {
            throw new InvalidOperationException($"{ex.GetType().Name} {ex.Message} on {fuzzCase}", ex);
        }
    }

    /// <summary>Checks the node's health every <see cref="HealthInterval"/> until the fuzzing ends; a failure stops it.</summary>
    private static async Task MonitorAsync(NodeHealth health, Task fuzzing, CancellationTokenSource stop)
    {
        using var timer = new PeriodicTimer(HealthInterval);
        while (!fuzzing.IsCompleted)
        {
            try
            {
                await health.CheckAsync();
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
            await Task.WhenAny(fuzzing, timer.WaitForNextTickAsync().AsTask());
        }
    }

    /// <summary>Every fuzz connection is closed on the client side by now: the server must drop its side of each.</summary>
    private static async Task AwaitConnectionsClosedAsync(ServerProcess server, long baseline)
    {
        var deadline = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        long alive;
        // The mntr connection itself is open while it is answered, as it was for the baseline.
        while ((alive = await server.MonitorValueAsync("num_alive_connections")) > baseline)
        {
            if (deadline.Elapsed > CleanUpBound)
                throw new InvalidOperationException($"{alive} connections still open on the server {CleanUpBound.TotalSeconds}s after the fuzzing (baseline {baseline})");
            await timer.WaitForNextTickAsync();
        }
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
