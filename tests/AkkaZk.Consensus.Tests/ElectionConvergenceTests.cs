using AkkaZk.Consensus.Tests.Harness;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus.Tests;

/// <summary>Every start order elects the server with the highest (currentEpoch, last zxid, sid), then syncs.</summary>
public sealed class ElectionConvergenceTests
{
    public static TheoryData<string> ThreeNodeOrders => [.. Permutations([1, 2, 3]).Select(p => string.Join(",", p))];
    public static TheoryData<string> FiveNodeOrders => [.. Permutations([1, 2, 3, 4, 5]).Select(p => string.Join(",", p))];

    [Theory]
    [MemberData(nameof(ThreeNodeOrders))]
    public void Three_nodes_elect_the_highest_epoch_then_zxid(string order)
    {
        var cluster = new SimCluster(QuorumConfig.Majority(1, 2, 3));
        cluster.Seed(1, 2, Histories.Of((1, 1, 5), (2, 1, 5)));
        cluster.Seed(2, 2, Histories.Of((1, 1, 5), (2, 1, 7)));
        cluster.Seed(3, 1, Histories.Of((1, 1, 9))); // longer log, older epoch: loses
        AssertElects(cluster, order, expectedLeader: 2, expectedEpoch: 3);
    }

    [Theory]
    [MemberData(nameof(ThreeNodeOrders))]
    public void Equal_histories_elect_the_highest_sid(string order)
    {
        var cluster = new SimCluster(QuorumConfig.Majority(1, 2, 3));
        foreach (var sid in new long[] { 1, 2, 3 }) cluster.Seed(sid, 1, Histories.Of((1, 1, 4)));
        AssertElects(cluster, order, expectedLeader: 3, expectedEpoch: 2);
    }

    [Theory]
    [MemberData(nameof(FiveNodeOrders))]
    public void Five_nodes_elect_the_highest_epoch_zxid_sid(string order)
    {
        var cluster = new SimCluster(QuorumConfig.Majority(1, 2, 3, 4, 5));
        cluster.Seed(1, 3, Histories.Of((1, 1, 3), (3, 1, 2)));
        cluster.Seed(2, 3, Histories.Of((1, 1, 3), (3, 1, 4)));
        cluster.Seed(3, 3, Histories.Of((1, 1, 3), (3, 1, 4)), acceptedEpoch: 4); // accepted a later epoch that never formed
        cluster.Seed(4, 1, Histories.Of((1, 1, 8)));
        cluster.Seed(5, 3, Histories.Of((1, 1, 3), (3, 1, 1)));
        // 2 and 3 tie on (epoch 3, zxid 3:4): the higher sid wins; the new epoch passes every accepted epoch.
        AssertElects(cluster, order, expectedLeader: 3, expectedEpoch: 5);
    }

    [Fact]
    public void An_observer_neither_votes_nor_leads_but_learns_the_leader()
    {
        var cluster = new SimCluster(new QuorumConfig([1, 2, 3], [9]));
        foreach (var sid in new long[] { 1, 2, 3, 9 }) cluster.Seed(sid, 1, Histories.Of((1, 1, 2)));
        cluster.Seed(9, 1, Histories.Of((1, 1, 6))); // the best history, but an observer's vote does not count
        AssertElects(cluster, "9,1,2,3", expectedLeader: 3, expectedEpoch: 2);
        Assert.True(cluster[9].Follower!.IsObserver);
    }

    private static void AssertElects(SimCluster cluster, string order, long expectedLeader, long expectedEpoch)
    {
        foreach (var sid in order.Split(',').Select(long.Parse))
        {
            cluster.StartElection(sid);
            cluster.DeliverAll();
        }
        Assert.True(cluster.RunUntil(cluster.AllSettled), string.Join("\n", cluster.Nodes.Values.Select(n => n.Describe())));
        Assert.Equal(expectedLeader, cluster.EstablishedLeader!.Id);
        Assert.Equal(expectedEpoch, cluster.EstablishedLeader.Leader!.Epoch);
        foreach (var node in cluster.Nodes.Values)
        {
            Assert.Equal(expectedEpoch, node.CurrentEpoch);
            Assert.Equal(expectedLeader, node.Election!.CurrentVote.Leader);
            Assert.Equal(expectedEpoch, node.Election.CurrentVote.PeerEpoch); // updated after sync (ZOOKEEPER-1732)
        }
        var leaderHistory = cluster.EstablishedLeader.Applied;
        Assert.All(cluster.Nodes.Values, n => Assert.Equal(leaderHistory, n.Applied));
        Assert.Equal(ZxidUtils.MakeZxid(expectedEpoch, 0), cluster.EstablishedLeader.Leader.NextZxid - 1);
    }

    private static IEnumerable<long[]> Permutations(long[] items) =>
        items.Length <= 1
            ? [items]
            : items.SelectMany(first => Permutations([.. items.Where(i => i != first)]).Select(rest => (long[])[first, .. rest]));
}
