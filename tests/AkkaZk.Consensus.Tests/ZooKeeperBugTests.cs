using AkkaZk.Consensus.Tests.Harness;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus.Tests;

/// <summary>ZooKeeper bugs whose scenarios must not repeat here, replayed on the simulated ensemble.</summary>
public sealed class ZooKeeperBugTests
{
    private static SimCluster Settled(int size, ZabOptions? zab = null)
    {
        var cluster = new SimCluster(QuorumConfig.Majority([.. Enumerable.Range(1, size).Select(i => (long)i)]), zab: zab);
        foreach (var sid in cluster.Nodes.Keys) cluster.StartElection(sid);
        Assert.True(cluster.RunUntil(cluster.AllSettled));
        return cluster;
    }

    [Fact]
    public void ZOOKEEPER_1732_a_server_joins_an_ensemble_whose_members_voted_in_different_rounds()
    {
        var cluster = Settled(3);
        var leader = cluster.EstablishedLeader!.Id;
        var follower = cluster.Nodes.Keys.First(s => s != leader);
        var joiner = cluster.Nodes.Keys.Last(s => s != leader);
        cluster.Crash(joiner);
        // The follower leaves and comes back on its own, joining from the leader's and its own answers.
        cluster.Crash(follower);
        cluster.Restart(follower);
        Assert.True(cluster.RunUntil(cluster.AllSettled));
        // Every member now answers with the new epoch, whatever epoch it voted with (updateElectionVote).
        var epoch = cluster[leader].Leader!.Epoch;
        Assert.Equal(epoch, cluster[leader].Election!.CurrentVote.PeerEpoch);
        Assert.Equal(epoch, cluster[follower].Election!.CurrentVote.PeerEpoch);
        cluster.Restart(joiner);
        Assert.True(cluster.RunUntil(cluster.AllSettled));
        Assert.Equal(leader, cluster[joiner].Follower!.LeaderId);
    }

    /// <summary>
    /// A follower misses txns while down, and the ensemble moves to a new epoch meanwhile; returns
    /// (cluster, leader, the follower, the txns it missed). The follower is still down.
    /// </summary>
    private static (SimCluster Cluster, long Leader, long Lagging, List<ZabTxn> Missed) LaggingAcrossAnEpoch()
    {
        var cluster = Settled(3);
        var leader = cluster.EstablishedLeader!.Id;
        var lagging = cluster.Nodes.Keys.First(s => s != leader);
        cluster.Propose(leader);
        cluster.DeliverAll();
        cluster.Crash(lagging);
        var missed = Enumerable.Range(0, 3).Select(_ => cluster.Propose(leader)!).ToList();
        cluster.DeliverAll();
        cluster.Crash(leader);
        cluster.Restart(leader);
        Assert.True(cluster.RunUntil(cluster.AllSettled));
        var newLeader = cluster.EstablishedLeader!.Id;
        Assert.Equal(2, cluster[newLeader].Leader!.Epoch);
        return (cluster, newLeader, lagging, missed);
    }

    [Theory]
    [InlineData(nameof(AppendTxns))]
    [InlineData(nameof(PersistCurrentEpoch))]
    public void ZOOKEEPER_4643_a_crash_while_persisting_sync_txns_never_leaves_current_epoch_without_them(string crashBefore)
    {
        var (cluster, leader, lagging, missed) = LaggingAcrossAnEpoch();
        var crashed = false;
        cluster.CrashBeforePersist = (node, action) =>
            !crashed && node.Id == lagging && action.GetType().Name == crashBefore && (crashed = true);
        cluster.Restart(lagging);
        cluster.DeliverAll();
        Assert.True(crashed);
        Assert.False(cluster[lagging].Up);
        // currentEpoch is written only after the txns: the old epoch is still on disk either way.
        Assert.Equal(1, cluster[lagging].CurrentEpoch);
        Assert.Equal(crashBefore == nameof(PersistCurrentEpoch), missed.All(cluster[lagging].Log.Contains));
        cluster.Restart(lagging);
        Assert.True(cluster.RunUntil(cluster.AllSettled));
        Assert.Equal(cluster[leader].Applied, cluster[lagging].Applied);
        Assert.Equal(2, cluster[lagging].CurrentEpoch);
    }

    [Fact]
    public void ZOOKEEPER_3911_4646_the_newleader_ack_means_the_diff_txns_are_durable()
    {
        var (cluster, leader, lagging, missed) = LaggingAcrossAnEpoch();
        var traced = cluster.Trace.Count;
        cluster.Restart(lagging);
        // Deliver until the learner has sent its NEWLEADER ACK, then pull the plug before anything else.
        var newLeaderAck = $"  {lagging} > {leader} ACK({ZxidUtils.ToHex(ZxidUtils.MakeZxid(2, 0))})";
        while (!cluster.Trace.Skip(traced).Contains(newLeaderAck))
            Assert.Equal(1, cluster.DeliverAll(limit: 1));
        cluster.Crash(lagging);
        Assert.All(missed, txn => Assert.Contains(txn, cluster[lagging].Log));
        Assert.Equal(2, cluster[lagging].CurrentEpoch);
    }

    [Fact]
    public void ZOOKEEPER_1549_no_snapshot_holds_an_uncommitted_proposal()
    {
        var cluster = Settled(5, new ZabOptions(ForceSnapSync: true));
        var leader = cluster.EstablishedLeader!.Id;
        var others = cluster.Nodes.Keys.Where(s => s != leader).ToList();
        var learner = others[0];
        cluster.Propose(leader);
        cluster.DeliverAll();
        cluster.Crash(learner);
        var uncommitted = cluster.Propose(leader)!; // in flight to the others, never acked
        cluster.Restart(learner);
        // Elections run everywhere; quorum traffic flows only between the leader and the returning learner.
        cluster.DeliverMatching(m => m.Notification is not null || (m.From is var f && (f == leader || f == learner) && (m.To == leader || m.To == learner)));
        Assert.True(cluster[learner].Follower!.IsEstablished);
        Assert.Contains(uncommitted, cluster[learner].Log);
        Assert.DoesNotContain(uncommitted, cluster[learner].Snapshot);
        // Leader and learner die; the rest elect without the proposal and TRUNC the learner when it returns.
        cluster.Crash(leader);
        cluster.Crash(learner);
        Assert.True(cluster.RunUntil(cluster.AllSettled));
        cluster.Restart(learner);
        Assert.True(cluster.RunUntil(cluster.AllSettled)); // a snapshot past the TRUNC point would throw here
        Assert.DoesNotContain(uncommitted, cluster[learner].Applied);
        Assert.Equal(cluster.EstablishedLeader!.Applied, cluster[learner].Applied);
    }

    [Fact]
    public void ZOOKEEPER_1277_a_zxid_counter_rollover_starts_a_new_epoch()
    {
        var cluster = Settled(3);
        var leader = cluster.EstablishedLeader!;
        var epoch = leader.Leader!.Epoch;
        leader.Leader.SkipZxidCounterTo(0xFFFFFFFD);
        var last = cluster.Propose(leader.Id)!;
        Assert.Equal(ZxidUtils.MakeZxid(epoch, 0xFFFFFFFE), last.Zxid);
        cluster.DeliverAll();
        cluster.Propose(leader.Id); // 0xFFFFFFFF: the leader steps down instead of proposing it
        Assert.Null(leader.Leader);
        Assert.Contains(cluster.Trace, l => l.Contains("rolled over", StringComparison.Ordinal));
        Assert.True(cluster.RunUntil(cluster.AllSettled));
        var next = cluster.Propose(cluster.EstablishedLeader!.Id)!;
        Assert.Equal(ZxidUtils.MakeZxid(epoch + 1, 1), next.Zxid);
        cluster.DeliverAll();
        Assert.All(cluster.Nodes.Values, n => Assert.Equal([last, next], n.Applied.TakeLast(2)));
    }
}
