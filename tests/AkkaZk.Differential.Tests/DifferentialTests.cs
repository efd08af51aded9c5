using System.Diagnostics;
using AkkaZk.Differential.Tests.Differential;
using AkkaZk.Differential.Tests.Servers;
using Xunit.Abstractions;

namespace AkkaZk.Differential.Tests;

/// <summary>
/// Client-protocol parity: seeded random op sequences run in lockstep on Apache ZooKeeper 3.8.0 and AkkaZk,
/// compared field by field after every op (replies and every session's watch events).
///
/// CI: 20 seeds × 200 ops. Longer: AKKAZK_DIFF_SEEDS=N AKKAZK_DIFF_OPS=M (AKKAZK_DIFF_SEED_FIRST=K to start at seed K;
/// AKKAZK_DIFF_TRACE=1 prints every op and ZooKeeper's reply).
/// </summary>
[Collection(ServerPairCollection.Name)]
public sealed class DifferentialTests(ServerPairFixture servers, ITestOutputHelper output)
{
    [Fact]
    public async Task Random_sequences_give_the_same_replies_and_events_on_ZooKeeper_and_AkkaZk()
    {
        var seeds = EnvInt("AKKAZK_DIFF_SEEDS", 20);
        var ops = EnvInt("AKKAZK_DIFF_OPS", 200);
        var first = EnvInt("AKKAZK_DIFF_SEED_FIRST", 1);
        var runner = new DifferentialRunner(servers.ZooKeeper, servers.AkkaZk,
            trace: Environment.GetEnvironmentVariable("AKKAZK_DIFF_TRACE") == "1" ? Report : null);
        var clock = Stopwatch.StartNew();
        try
        {
            for (var seed = first; seed < first + seeds; seed++) await runner.RunSequenceAsync(seed, ops);
        }
        finally
        {
            Report($"differential: {runner.SequencesRun} sequences clean, {runner.OpsRun} ops compared " +
                   $"({seeds} seeds × {ops} ops requested from seed {first}) in {clock.Elapsed.TotalSeconds:F1}s");
            Report("  " + runner.Coverage());
        }
        Assert.True(servers.ZooKeeper.HasExited == false, "ZooKeeper exited during the run");
        Assert.True(servers.AkkaZk.HasExited == false, "AkkaZk exited during the run");
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
