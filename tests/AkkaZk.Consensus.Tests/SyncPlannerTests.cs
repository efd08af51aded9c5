using AkkaZk.Consensus.Tests.Harness;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus.Tests;

/// <summary>LearnerHandler.syncFollower's decision table (QUORUM 6), first match wins.</summary>
public sealed class SyncPlannerTests
{
    private static readonly List<ZabTxn> Committed = Histories.Of((1, 1, 5), (2, 1, 3));

    private static string Describe(SyncPlan plan) => string.Join(" ", plan.Packets.Select(p =>
        $"{QuorumPacketType.Name(p.Type)}:{ZxidUtils.GetEpoch(p.Zxid)}.{ZxidUtils.GetCounter(p.Zxid)}"));

    [Fact]
    public void Same_last_zxid_is_an_empty_diff() =>
        Assert.Equal("DIFF:2.3", Describe(SyncPlanner.Plan(ZxidUtils.MakeZxid(2, 3), ZxidUtils.MakeZxid(2, 3), Committed)));

    [Fact]
    public void A_peer_past_the_committed_log_is_truncated_to_its_end()
    {
        var plan = SyncPlanner.Plan(ZxidUtils.MakeZxid(2, 9), ZxidUtils.MakeZxid(2, 3), Committed);
        Assert.Equal("TRUNC:2.3", Describe(plan));
        Assert.Equal(ZxidUtils.MakeZxid(2, 3), plan.SyncedZxid);
    }

    [Fact]
    public void A_peer_inside_the_window_gets_a_diff_of_proposal_commit_pairs()
    {
        var plan = SyncPlanner.Plan(ZxidUtils.MakeZxid(1, 4), ZxidUtils.MakeZxid(2, 3), Committed);
        Assert.Equal("DIFF:2.3 PROPOSAL:1.5 COMMIT:1.5 PROPOSAL:2.1 COMMIT:2.1 PROPOSAL:2.2 COMMIT:2.2 PROPOSAL:2.3 COMMIT:2.3", Describe(plan));
        Assert.Equal(Histories.Txn(1, 5).Data, plan.Packets[1].Data);
    }

    [Fact]
    public void An_uncommitted_tail_in_the_same_epoch_is_truncated_then_the_rest_is_sent()
    {
        var committed = Histories.Of((1, 1, 3), (1, 5, 6)); // the peer logged 1.4' that the leader never had... as 1.4
        var plan = SyncPlanner.Plan(ZxidUtils.MakeZxid(1, 4), ZxidUtils.MakeZxid(1, 6), committed);
        Assert.Equal("TRUNC:1.3 PROPOSAL:1.5 COMMIT:1.5 PROPOSAL:1.6 COMMIT:1.6", Describe(plan));
    }

    [Fact]
    public void An_uncommitted_tail_across_an_epoch_boundary_needs_a_snapshot()
    {
        // The peer has 1.7 which the leader lacks; the leader's next txn is in epoch 2: never TRUNC across epochs.
        var plan = SyncPlanner.Plan(ZxidUtils.MakeZxid(1, 7), ZxidUtils.MakeZxid(2, 3), Histories.Of((1, 1, 5), (2, 1, 3)));
        Assert.True(plan.IsSnap);
        Assert.Equal(ZxidUtils.MakeZxid(2, 3), plan.Packets[0].Zxid);
    }

    [Fact]
    public void A_new_epoch_zxid_in_the_window_gets_a_diff_of_what_follows()
    {
        var plan = SyncPlanner.Plan(ZxidUtils.MakeZxid(2, 0), ZxidUtils.MakeZxid(2, 3), Committed);
        Assert.Equal("DIFF:2.3 PROPOSAL:2.1 COMMIT:2.1 PROPOSAL:2.2 COMMIT:2.2 PROPOSAL:2.3 COMMIT:2.3", Describe(plan));
    }

    [Fact]
    public void A_peer_before_the_window_gets_a_snapshot()
    {
        var plan = SyncPlanner.Plan(ZxidUtils.MakeZxid(1, 1), ZxidUtils.MakeZxid(2, 3), Histories.Of((1, 3, 5), (2, 1, 3)));
        Assert.Equal("SNAP:2.3", Describe(plan));
    }

    [Fact]
    public void An_empty_committed_log_is_a_window_of_the_last_processed_zxid()
    {
        Assert.Equal("DIFF:2.0", Describe(SyncPlanner.Plan(ZxidUtils.MakeZxid(2, 0), ZxidUtils.MakeZxid(2, 0), [])));
        Assert.Equal("SNAP:2.0", Describe(SyncPlanner.Plan(0, ZxidUtils.MakeZxid(2, 0), []))); // a fresh server, as captured
        Assert.Equal("SNAP:2.0", Describe(SyncPlanner.Plan(ZxidUtils.MakeZxid(1, 5), ZxidUtils.MakeZxid(2, 0), [])));
        Assert.Equal("TRUNC:2.0", Describe(SyncPlanner.Plan(ZxidUtils.MakeZxid(2, 4), ZxidUtils.MakeZxid(2, 0), [])));
    }

    [Fact]
    public void Force_snap_overrides_everything() =>
        Assert.True(SyncPlanner.Plan(ZxidUtils.MakeZxid(2, 3), ZxidUtils.MakeZxid(2, 3), Committed, forceSnap: true).IsSnap);
}
