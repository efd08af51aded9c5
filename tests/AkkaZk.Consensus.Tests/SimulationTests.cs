using AkkaZk.Consensus.Tests.Harness;

namespace AkkaZk.Consensus.Tests;

/// <summary>
/// Seeded random runs of whole ensembles: random delivery order, ticks, proposals, crashes, restarts and
/// partitions. Safety is checked at every effect (one leader per epoch, identical committed prefixes, ordered
/// logs, no snapshot past a TRUNC); at the end the network heals and the ensemble must settle with every
/// committed txn kept.
/// </summary>
public sealed class SimulationTests
{
    /// <summary>40 seeds; AKKAZK_SIM_SEEDS=N runs N (a longer hunt for rare interleavings).</summary>
    public static TheoryData<int> Seeds =>
        [.. Enumerable.Range(1, int.TryParse(Environment.GetEnvironmentVariable("AKKAZK_SIM_SEEDS"), out var n) ? n : 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_runs_keep_safety_and_recover(int seed)
    {
        // AKKAZK_SIM_TRACE=dir writes each run's trace to dir/seed-N.txt (for debugging a failing seed).
        var traceDir = Environment.GetEnvironmentVariable("AKKAZK_SIM_TRACE");
        var cluster = new SimCluster(QuorumConfig.Majority([.. Enumerable.Range(1, seed % 2 == 0 ? 3 : 5).Select(i => (long)i)]),
            zab: new ZabOptions(InitLimit: 5, SyncLimit: 3, CommitLogCount: 4)) { Tracing = traceDir is not null };
        try
        {
            Run(cluster, new Random(seed));
        }
        finally
        {
            if (traceDir is not null) File.WriteAllLines(Path.Combine(traceDir, $"seed-{seed}.txt"), cluster.Trace);
        }
    }

    private static void Run(SimCluster cluster, Random random)
    {
        foreach (var sid in cluster.Nodes.Keys.OrderBy(_ => random.Next())) cluster.StartElection(sid);
        var sids = cluster.Nodes.Keys.ToList();
        for (var step = 0; step < 4_000; step++)
        {
            var roll = random.NextDouble();
            if (roll < 0.6)
            {
                var links = cluster.Network.BusyLinks.ToList();
                if (links.Count > 0)
                {
                    var (from, to) = links[random.Next(links.Count)];
                    cluster.Deliver(from, to);
                }
            }
            else if (roll < 0.85) cluster.Tick(sids[random.Next(sids.Count)]);
            else if (roll < 0.95)
            {
                if (cluster.EstablishedLeader is { } leader) cluster.Propose(leader.Id);
            }
            else if (roll < 0.965) cluster.Crash(sids[random.Next(sids.Count)]);
            else if (roll < 0.985)
            {
                if (cluster.Nodes.Values.FirstOrDefault(n => !n.Up) is { } down) cluster.Restart(down.Id);
            }
            else if (roll < 0.992)
            {
                var cut = sids.OrderBy(_ => random.Next()).ToList();
                var at = random.Next(1, sids.Count);
                cluster.Partition([cut[..at], cut[at..]]);
            }
            else cluster.Heal();
        }
        cluster.Heal();
        foreach (var sid in sids) cluster.Restart(sid);
        Assert.True(cluster.RunUntil(cluster.AllSettled, maxTicks: 10_000),
            string.Join("\n", cluster.Nodes.Values.Select(n => n.Describe())));
        var history = cluster.EstablishedLeader!.Applied;
        Assert.All(cluster.Nodes.Values, n => Assert.Equal(history, n.Applied));
        Assert.Subset(history.ToHashSet(), cluster.EverCommitted);
        Assert.True(cluster.LeaderOfEpoch.Count >= 1);
    }
}
