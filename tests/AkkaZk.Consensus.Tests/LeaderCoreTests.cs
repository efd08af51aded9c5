using AkkaZk.Consensus.Tests.Harness;
using AkkaZk.Jute.Quorum;
using static AkkaZk.Consensus.Tests.Packets;

namespace AkkaZk.Consensus.Tests;

/// <summary>The leader core driven packet by packet (LearnerHandler + Leader).</summary>
public sealed class LeaderCoreTests
{
    private static readonly QuorumConfig Config = new([1, 2, 3], [4]);
    private static readonly ZabOptions Options = new(InitLimit: 5, SyncLimit: 2);

    private static LeaderCore NewLeader(long accepted = 1, long current = 1, List<ZabTxn>? log = null) =>
        new(1, Config, Options, new EpochState(accepted, current), ZabLog.FullyApplied(log ?? Histories.Of((1, 1, 3))));

    /// <summary>Leader 1 with follower 2 through NEWLEADER's ACK, established in epoch 2.</summary>
    private static LeaderCore Established(List<ZabTxn>? log = null)
    {
        var leader = NewLeader(log: log);
        leader.Start();
        leader.Step(2, FollowerInfo(2, 1));
        leader.Step(2, AckEpoch(leader.LastProcessedZxid, 1));
        var ready = leader.Step(2, Ack(Z(2, 0)));
        Assert.Equal(new Established(2), ready.RoleChange);
        Assert.Equal([UpToDate], ready.To(2));
        return leader;
    }

    [Fact]
    public void Start_applies_the_whole_log_and_waits_for_a_quorum_of_followerinfo()
    {
        var leader = new LeaderCore(1, Config, Options, new EpochState(1, 1), new ZabLog(0, Histories.Of((1, 1, 3)), Z(1, 1)));
        var ready = leader.Start();
        Assert.Equal([Z(1, 2), Z(1, 3)], ready.Apply.Select(t => t.Zxid));
        Assert.Empty(ready.Persist);
        Assert.Equal(-1, leader.Epoch);
    }

    [Fact]
    public void The_new_epoch_is_one_past_every_accepted_epoch_and_is_persisted_before_leaderinfo()
    {
        var leader = NewLeader(accepted: 3, current: 3);
        leader.Start();
        var observer = leader.Step(4, ObserverInfo(4, 7)); // observers raise the epoch but never make the quorum
        Assert.True(observer.IsEmpty);
        var ready = leader.Step(2, FollowerInfo(2, 5));
        Assert.Equal([new PersistAcceptedEpoch(8)], ready.Persist);
        Assert.Equal([LeaderInfo(8)], ready.To(2));
        Assert.Equal([LeaderInfo(8)], ready.To(4));
        Assert.Equal(8, leader.AcceptedEpoch);
        Assert.Equal([LeaderInfo(8)], leader.Step(3, FollowerInfo(3, 9)).To(3)); // after the quorum: no more raising
    }

    [Fact]
    public void A_quorum_of_epoch_acks_persists_current_epoch_then_syncs_each_learner()
    {
        var leader = NewLeader();
        leader.Start();
        leader.Step(2, FollowerInfo(2, 1));
        var ready = leader.Step(2, AckEpoch(Z(1, 2), 1));
        Assert.Equal([new PersistCurrentEpoch(2)], ready.Persist);
        Assert.Equal([Op(QuorumPacketType.Diff, Z(1, 3)), Proposal(Histories.Txn(1, 3)), Commit(Z(1, 3)), NewLeaderPacket(2, Config)], ready.To(2));
    }

    [Fact]
    public void An_epoch_ack_of_minus_one_does_not_count()
    {
        var leader = NewLeader();
        leader.Start();
        leader.Step(2, FollowerInfo(2, 1));
        Assert.Empty(leader.Step(2, AckEpoch(Z(1, 3), -1)).Persist);
    }

    [Fact]
    public void A_follower_ahead_of_the_leader_is_disconnected()
    {
        var leader = NewLeader();
        leader.Start();
        leader.Step(2, FollowerInfo(2, 1));
        var ready = leader.Step(2, AckEpoch(Z(1, 9), 1)); // same epoch, larger zxid
        Assert.Equal([2L], ready.Disconnect);
        Assert.Empty(ready.Persist);
    }

    [Fact]
    public void A_learner_with_a_newer_config_or_an_old_protocol_is_refused()
    {
        var leader = NewLeader();
        leader.Start();
        var newer = new QuorumPacket(QuorumPacketType.FollowerInfo, 0, new LearnerInfo(2, LearnerInfo.CurrentProtocolVersion, 5).ToBytes());
        Assert.Equal([2L], leader.Step(2, newer).Disconnect);
        var old = new QuorumPacket(QuorumPacketType.FollowerInfo, 0, new byte[8]);
        Assert.Equal([3L], leader.Step(3, old).Disconnect);
    }

    [Fact]
    public void Proposals_commit_on_a_quorum_in_zxid_order_with_inform_for_observers()
    {
        var leader = Established();
        leader.Step(4, ObserverInfo(4, 1));
        leader.Step(4, AckEpoch(Z(1, 3), 1));
        leader.Step(4, Ack(Z(2, 0)));
        var t1 = new ZabTxn(leader.NextZxid, [1]);
        var proposed = leader.Propose(t1);
        Assert.Equal([new AppendTxns([t1])], proposed.Persist);
        Assert.Equal([Proposal(t1)], proposed.To(2));
        Assert.Empty(proposed.To(4)); // observers learn only committed txns
        var t2 = new ZabTxn(leader.NextZxid, [2]);
        leader.Propose(t2);
        Assert.True(leader.Step(4, Ack(t1.Zxid)).IsEmpty); // an observer's ACK does not count
        var committed = leader.Step(2, Ack(t1.Zxid));
        Assert.Equal([t1], committed.Apply);
        Assert.Equal([Commit(t1.Zxid)], committed.To(2));
        Assert.Equal([new QuorumPacket(QuorumPacketType.Inform, t1.Zxid, t1.Data)], committed.To(4));
        Assert.True(leader.Step(2, Ack(t1.Zxid)).IsEmpty); // duplicate
        Assert.Equal([t2], leader.Step(2, Ack(t2.Zxid)).Apply);
    }

    [Fact]
    public void Commits_wait_for_every_earlier_proposal()
    {
        var config = QuorumConfig.Majority(1, 2, 3, 4, 5);
        var leader = new LeaderCore(1, config, Options, new EpochState(1, 1), ZabLog.Empty);
        leader.Start();
        foreach (var sid in new long[] { 2, 3 }) leader.Step(sid, FollowerInfo(sid, 1));
        foreach (var sid in new long[] { 2, 3 }) leader.Step(sid, AckEpoch(0, 1));
        foreach (var sid in new long[] { 2, 3 }) leader.Step(sid, Ack(Z(2, 0)));
        Assert.True(leader.IsEstablished);
        var t1 = new ZabTxn(Z(2, 1), [1]);
        var t2 = new ZabTxn(Z(2, 2), [2]);
        leader.Propose(t1);
        leader.Propose(t2);
        leader.Step(2, Ack(t1.Zxid));
        // t2 reaches {1, 2, 3} first (as if 3's ACK of t1 were late): it must not commit before t1.
        leader.Step(2, Ack(t2.Zxid));
        Assert.Empty(leader.Step(3, Ack(t2.Zxid)).Apply);
        Assert.Equal([t1, t2], leader.Step(3, Ack(t1.Zxid)).Apply);
    }

    [Fact]
    public void A_learner_joining_during_broadcast_gets_outstanding_proposals_before_newleader()
    {
        var leader = Established();
        var t1 = new ZabTxn(leader.NextZxid, [1]);
        leader.Propose(t1);
        leader.Step(3, FollowerInfo(3, 1));
        var ready = leader.Step(3, AckEpoch(Z(1, 3), 1));
        Assert.Equal([Op(QuorumPacketType.Diff, Z(1, 3)), Proposal(t1), NewLeaderPacket(2, Config)], ready.To(3));
        Assert.Equal([UpToDate], leader.Step(3, Ack(Z(2, 0))).To(3)); // established: UPTODATE at once
        Assert.Equal([t1], leader.Step(3, Ack(t1.Zxid)).Apply);
    }

    [Fact]
    public void A_leader_without_a_synced_quorum_steps_down()
    {
        var leader = Established();
        RoleChange? role = null;
        for (var i = 0; i < 20 && role is null; i++) role = leader.Tick().RoleChange;
        var looking = Assert.IsType<BackToLooking>(role);
        Assert.StartsWith("Not sufficient followers synced", looking.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Pings_keep_a_learner_synced_and_carry_the_last_proposed_zxid()
    {
        var leader = Established();
        for (var i = 0; i < 40; i++)
        {
            var ready = leader.Tick();
            Assert.Null(ready.RoleChange);
            Assert.Equal([new QuorumPacket(QuorumPacketType.Ping, Z(2, 0))], ready.To(2));
            leader.Step(2, new QuorumPacket(QuorumPacketType.Ping, Z(2, 0), []));
        }
    }

    [Fact]
    public void A_learner_holding_back_an_ack_past_sync_limit_is_closed()
    {
        var leader = Established();
        leader.Propose(new ZabTxn(leader.NextZxid, [1]));
        var closed = false;
        for (var i = 0; i < 6 && !closed; i++)
        {
            closed = leader.Tick().Disconnect.Contains(2);
            leader.Step(2, new QuorumPacket(QuorumPacketType.Ping, Z(2, 0), [])); // alive, but no ACK
        }
        Assert.True(closed);
    }

    [Fact]
    public void Handshake_timeouts_end_the_leadership()
    {
        var leader = NewLeader();
        leader.Start();
        RoleChange? role = null;
        for (var i = 0; i <= Options.InitLimitHalfTicks && role is null; i++) role = leader.Tick().RoleChange;
        Assert.Equal(new BackToLooking("Timeout while waiting for epoch from quorum"), role);
    }

    [Fact]
    public void The_zxid_counter_rollover_forces_a_new_epoch()
    {
        // ZOOKEEPER-1277: the last usable counter is 0xFFFFFFFE.
        var leader = Established();
        leader.SkipZxidCounterTo(0xFFFFFFFD);
        var last = new ZabTxn(Z(2, 0xFFFFFFFE), [1]);
        Assert.Equal([new AppendTxns([last])], leader.Propose(last).Persist);
        var ready = leader.Propose(new ZabTxn(Z(2, 0xFFFFFFFF), [2]));
        Assert.Empty(ready.Persist);
        Assert.DoesNotContain(ready.To(2), p => p.Type == QuorumPacketType.Proposal);
        Assert.Equal([2L], ready.Disconnect);
        Assert.IsType<BackToLooking>(ready.RoleChange);
        Assert.True(leader.IsStopped);
    }

    [Fact]
    public void Proposing_out_of_turn_is_a_programming_error()
    {
        var leader = NewLeader();
        Assert.Throws<InvalidOperationException>(() => leader.Propose(new ZabTxn(Z(2, 1), [])));
        var established = Established();
        Assert.Throws<ArgumentException>(() => established.Propose(new ZabTxn(Z(2, 5), [])));
    }
}
