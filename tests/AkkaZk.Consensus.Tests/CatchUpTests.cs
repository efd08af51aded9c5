using AkkaZk.Consensus.Tests.Harness;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus.Tests;

/// <summary>A server that was away catches up through the whole ensemble: DIFF, TRUNC or SNAP.</summary>
public sealed class CatchUpTests
{
    private static SimCluster Running(ZabOptions? zab = null)
    {
        var cluster = new SimCluster(QuorumConfig.Majority(1, 2, 3), zab: zab);
        foreach (var sid in new long[] { 1, 2, 3 }) cluster.StartElection(sid);
        Assert.True(cluster.RunUntil(cluster.AllSettled));
        return cluster;
    }

    private static void AssertConverged(SimCluster cluster)
    {
        Assert.True(cluster.RunUntil(cluster.AllSettled), string.Join("\n", cluster.Nodes.Values.Select(n => n.Describe())));
        var leader = cluster.EstablishedLeader!;
        Assert.All(cluster.Nodes.Values.Where(n => n.Up), n => Assert.Equal(leader.Applied, n.Applied));
        cluster.CheckPrefixes();
    }

    private static int SyncModeOf(SimCluster cluster, long sid) =>
        cluster.Trace.Where(l => l.StartsWith($"  {cluster.EstablishedLeader!.Id} > {sid} ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[5])
            .Where(p => p.Contains('(', StringComparison.Ordinal))
            .Select(p => QuorumPacketType.Parse(p[..p.IndexOf('(', StringComparison.Ordinal)]))
            .Last(t => t is QuorumPacketType.Diff or QuorumPacketType.Trunc or QuorumPacketType.Snap);

    [Fact]
    public void A_follower_behind_by_a_few_txns_gets_a_diff()
    {
        var cluster = Running();
        var leader = cluster.EstablishedLeader!.Id;
        var lagging = leader == 1 ? 2 : 1;
        cluster.Propose(leader);
        cluster.DeliverAll();
        cluster.Crash(lagging);
        for (var i = 0; i < 5; i++) cluster.Propose(leader);
        cluster.DeliverAll();
        cluster.Restart(lagging);
        AssertConverged(cluster);
        Assert.Equal(QuorumPacketType.Diff, SyncModeOf(cluster, lagging));
        Assert.Equal(6, cluster[lagging].Applied.Count);
    }

    [Fact]
    public void A_follower_with_an_uncommitted_tail_is_truncated()
    {
        var cluster = new SimCluster(QuorumConfig.Majority(1, 2, 3, 4, 5));
        foreach (var sid in cluster.Nodes.Keys) cluster.StartElection(sid);
        Assert.True(cluster.RunUntil(cluster.AllSettled));
        var leader = cluster.EstablishedLeader!.Id;
        var holder = cluster.Nodes.Keys.First(s => s != leader);
        cluster.Propose(leader);
        cluster.DeliverAll();
        // The next proposal reaches only one follower, which logs it; then both die before it commits.
        var txn = cluster.Propose(leader)!;
        Assert.True(cluster.Deliver(leader, holder));
        Assert.Contains(txn, cluster[holder].Log);
        cluster.Crash(leader);
        cluster.Crash(holder);
        Assert.True(cluster.RunUntil(cluster.AllSettled)); // the other three elect a leader of a new epoch
        cluster.Restart(holder);
        AssertConverged(cluster);
        Assert.Equal(QuorumPacketType.Trunc, SyncModeOf(cluster, holder));
        Assert.DoesNotContain(txn, cluster[holder].Log);
        Assert.DoesNotContain(txn, cluster[holder].Applied);
    }

    [Fact]
    public void A_follower_behind_the_committed_log_window_gets_a_snapshot()
    {
        var cluster = Running(new ZabOptions(CommitLogCount: 3));
        var leader = cluster.EstablishedLeader!.Id;
        var lagging = leader == 1 ? 2 : 1;
        cluster.Crash(lagging);
        for (var i = 0; i < 10; i++) cluster.Propose(leader);
        cluster.DeliverAll();
        cluster.Restart(lagging);
        AssertConverged(cluster);
        Assert.Equal(QuorumPacketType.Snap, SyncModeOf(cluster, lagging));
        Assert.Equal(cluster[leader].Applied, cluster[lagging].Snapshot.Concat(cluster[lagging].Log.Where(t => t.Zxid > cluster[lagging].SnapshotZxid)));
    }

    [Fact]
    public void A_minority_cannot_elect()
    {
        var cluster = new SimCluster(QuorumConfig.Majority(1, 2, 3, 4, 5));
        foreach (var sid in new long[] { 3, 4, 5 }) cluster[sid].Up = false;
        cluster.StartElection(1);
        cluster.StartElection(2);
        for (var i = 0; i < 1_000; i++)
        {
            cluster.DeliverAll();
            cluster.TickAll();
        }
        Assert.All(new long[] { 1, 2 }, sid => Assert.Equal(ServerState.Looking, cluster[sid].Election!.State));
        Assert.Empty(cluster.LeaderOfEpoch);
    }

    [Fact]
    public void A_partitioned_leader_steps_down_and_rejoins_the_majoritys_new_epoch()
    {
        var cluster = Running();
        var oldLeader = cluster.EstablishedLeader!.Id;
        var oldEpoch = cluster[oldLeader].Leader!.Epoch;
        cluster.Propose(oldLeader);
        cluster.DeliverAll();
        var majority = cluster.Nodes.Keys.Where(s => s != oldLeader).ToList();
        cluster.Partition([[oldLeader], majority]);
        Assert.True(cluster.RunUntil(() => cluster[oldLeader].Leader is null
            && cluster.Nodes.Values.Any(n => n.Leader is { IsEstablished: true } l && l.Epoch > oldEpoch)));
        var newLeader = cluster.EstablishedLeader!.Id;
        Assert.Contains(newLeader, majority);
        cluster.Propose(newLeader);
        cluster.Heal();
        AssertConverged(cluster);
        Assert.Equal(newLeader, cluster.EstablishedLeader!.Id);
        Assert.Equal(2, cluster[oldLeader].Applied.Count);
    }
}
