using AkkaZk.Consensus.Tests.Harness;
using AkkaZk.Jute.Quorum;
using static AkkaZk.Consensus.Tests.Packets;

namespace AkkaZk.Consensus.Tests;

/// <summary>The learner core driven packet by packet (Learner.registerWithLeader, syncWithLeader, Follower).</summary>
public sealed class FollowerCoreTests
{
    private static readonly QuorumConfig Config = new([1, 2, 3], [4]);
    private static readonly ZabOptions Options = new(InitLimit: 5, SyncLimit: 2);

    private static FollowerCore NewFollower(List<ZabTxn>? log = null, long accepted = 1, long current = 1, bool observer = false)
    {
        var follower = new FollowerCore(observer ? 4 : 2, 1, Config, Options, new EpochState(accepted, current),
            ZabLog.FullyApplied(log ?? Histories.Of((1, 1, 3))), observer);
        follower.Start();
        return follower;
    }

    [Fact]
    public void Start_sends_followerinfo_with_the_accepted_epoch()
    {
        var follower = new FollowerCore(2, 1, Config, Options, new EpochState(3, 2), ZabLog.Empty);
        Assert.Equal([FollowerInfo(2, 3)], follower.Start().To(1));
    }

    [Fact]
    public void A_new_epoch_is_persisted_as_accepted_before_ackepoch_which_carries_the_current_epoch()
    {
        var ready = NewFollower().Step(LeaderInfo(2));
        Assert.Equal([new PersistAcceptedEpoch(2)], ready.Persist);
        Assert.Equal([AckEpoch(Z(1, 3), 1)], ready.To(1));
    }

    [Fact]
    public void An_already_accepted_epoch_is_acked_with_minus_one_and_an_older_one_aborts()
    {
        var same = NewFollower(accepted: 2).Step(LeaderInfo(2));
        Assert.Empty(same.Persist);
        Assert.Equal([AckEpoch(Z(1, 3), -1)], same.To(1));
        Assert.IsType<BackToLooking>(NewFollower(accepted: 3).Step(LeaderInfo(2)).RoleChange);
    }

    [Fact]
    public void Diff_txns_are_persisted_then_current_epoch_then_the_newleader_ack_and_applied_after_uptodate()
    {
        // ZOOKEEPER-3911/4646: txns before the ACK; ZOOKEEPER-4643: currentEpoch after the txns.
        var follower = NewFollower();
        follower.Step(LeaderInfo(2));
        Assert.True(follower.Step(Op(QuorumPacketType.Diff, Z(1, 5))).IsEmpty);
        foreach (var txn in Histories.Of((1, 4, 5)))
        {
            Assert.True(follower.Step(Proposal(txn)).IsEmpty);
            Assert.True(follower.Step(Commit(txn.Zxid)).IsEmpty);
        }
        var ack = follower.Step(NewLeaderPacket(2, Config));
        Assert.Equal([new AppendTxns(Histories.Of((1, 4, 5))), new PersistCurrentEpoch(2)], ack.Persist); // no snapshot (1549)
        Assert.Equal([Ack(Z(2, 0))], ack.To(1));
        Assert.Empty(ack.Apply);
        var late = new ZabTxn(Z(2, 1), [9]);
        Assert.True(follower.Step(Proposal(late)).IsEmpty);
        var upToDate = follower.Step(UpToDate);
        Assert.Equal([new AppendTxns([late])], upToDate.Persist);
        Assert.Equal([Ack(Z(2, 0)), Ack(Z(1, 4)), Ack(Z(1, 5)), Ack(late.Zxid)], upToDate.To(1));
        Assert.Equal(Histories.Of((1, 4, 5)), upToDate.Apply);
        Assert.Equal(new Established(2), upToDate.RoleChange);
        Assert.Equal(1, follower.PendingCount);
        Assert.Equal([late], follower.Step(Commit(late.Zxid)).Apply);
    }

    [Fact]
    public void Diff_applies_the_committed_part_of_a_log_not_yet_applied()
    {
        var follower = new FollowerCore(2, 1, Config, Options, new EpochState(1, 1), new ZabLog(0, Histories.Of((1, 1, 3)), Z(1, 1)));
        follower.Start();
        follower.Step(LeaderInfo(2));
        Assert.Equal([Z(1, 2), Z(1, 3)], follower.Step(Op(QuorumPacketType.Diff, Z(1, 3))).Apply.Select(t => t.Zxid));
    }

    [Fact]
    public void Snap_snapshots_only_committed_state_and_logs_uncommitted_proposals_after_it()
    {
        // ZOOKEEPER-1549: the snapshot taken at NEWLEADER never contains an uncommitted proposal.
        var follower = NewFollower(Histories.Of((1, 1, 1)));
        follower.Step(LeaderInfo(2));
        follower.Step(Op(QuorumPacketType.Snap, Z(1, 5))); // the caller loaded the snapshot stream
        var committed = Histories.Txn(1, 6);
        var uncommitted = Histories.Txn(1, 7);
        follower.Step(Proposal(committed));
        Assert.Equal([committed], follower.Step(Commit(committed.Zxid)).Apply); // in memory, before NEWLEADER
        follower.Step(Proposal(uncommitted));
        var ack = follower.Step(NewLeaderPacket(2, Config));
        Assert.Equal([new TakeSnapshot(Z(1, 6), ReplacesLog: true), new AppendTxns([uncommitted]), new PersistCurrentEpoch(2)], ack.Persist);
        Assert.Equal(QuorumPacketType.Snap, follower.SyncMode);
    }

    [Fact]
    public void Trunc_cuts_the_uncommitted_tail_first()
    {
        var follower = NewFollower(Histories.Of((1, 1, 6)));
        follower.Step(LeaderInfo(2));
        var ready = follower.Step(Op(QuorumPacketType.Trunc, Z(1, 4)));
        Assert.Equal([new TruncateLog(Z(1, 4))], ready.Persist);
        Assert.Equal(Z(1, 4), follower.LastLoggedZxid);
        var ack = follower.Step(NewLeaderPacket(2, Config));
        Assert.Equal([new TakeSnapshot(Z(1, 4)), new PersistCurrentEpoch(2)], ack.Persist);
    }

    [Fact]
    public void Broadcast_acks_each_proposal_after_persisting_it_and_applies_commits_in_order()
    {
        var follower = Synced();
        var t1 = new ZabTxn(Z(2, 1), [1]);
        var ready = follower.Step(Proposal(t1));
        Assert.Equal([new AppendTxns([t1])], ready.Persist);
        Assert.Equal([Ack(t1.Zxid)], ready.To(1));
        Assert.Equal([t1], follower.Step(Commit(t1.Zxid)).Apply);
        Assert.True(follower.Step(Commit(Z(2, 9))).IsEmpty); // nothing pending: only a warning
    }

    [Fact]
    public void A_commit_that_is_not_the_oldest_pending_txn_is_fatal()
    {
        var follower = Synced();
        follower.Step(Proposal(new ZabTxn(Z(2, 1), [1])));
        follower.Step(Proposal(new ZabTxn(Z(2, 2), [2])));
        var ready = follower.Step(Commit(Z(2, 2)));
        Assert.Empty(ready.Apply);
        Assert.IsType<BackToLooking>(ready.RoleChange);
    }

    [Fact]
    public void Pings_are_echoed_and_silence_past_sync_limit_ends_following()
    {
        var follower = Synced();
        Assert.Equal([new QuorumPacket(QuorumPacketType.Ping, Z(2, 7), [])], follower.Step(new QuorumPacket(QuorumPacketType.Ping, Z(2, 7))).To(1));
        RoleChange? role = null;
        var ticks = 0;
        while (role is null && ticks < 100) { role = follower.Tick().RoleChange; ticks++; }
        Assert.Equal(Options.SyncLimitHalfTicks + 1, ticks);
        Assert.IsType<BackToLooking>(role);
    }

    [Fact]
    public void An_observer_logs_and_applies_informs_and_never_acks()
    {
        var start = new FollowerCore(4, 1, Config, Options, new EpochState(1, 1), ZabLog.Empty, isObserver: true).Start();
        Assert.Equal([ObserverInfo(4, 1)], start.To(1));
        var observer = NewFollower(observer: true);
        observer.Step(LeaderInfo(2));
        observer.Step(Op(QuorumPacketType.Diff, Z(1, 3)));
        observer.Step(NewLeaderPacket(2, Config));
        Assert.Equal([Ack(Z(2, 0))], observer.Step(UpToDate).To(1));
        var txn = new ZabTxn(Z(2, 1), [5]);
        Assert.True(observer.Step(Proposal(txn)).IsEmpty);
        var inform = observer.Step(new QuorumPacket(QuorumPacketType.Inform, txn.Zxid, txn.Data));
        Assert.Equal([new AppendTxns([txn])], inform.Persist);
        Assert.Equal([txn], inform.Apply);
        Assert.Empty(inform.Send);
    }

    private static FollowerCore Synced()
    {
        var follower = NewFollower();
        follower.Step(LeaderInfo(2));
        follower.Step(Op(QuorumPacketType.Diff, Z(1, 3)));
        follower.Step(NewLeaderPacket(2, Config));
        Assert.Equal(new Established(2), follower.Step(UpToDate).RoleChange);
        return follower;
    }
}
