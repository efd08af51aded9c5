using System.Buffers.Binary;
using System.Text;
using AkkaZk.Consensus.Tests.Harness;
using AkkaZk.Jute;
using AkkaZk.Jute.Quorum;
using static AkkaZk.Consensus.Tests.Packets;

namespace AkkaZk.Consensus.Tests;

/// <summary>Dynamic reconfiguration in the ZAB cores (Leader.tryToCommit for reconfig, Learner/Follower/Observer).</summary>
public sealed class ReconfigCoreTests
{
    private static readonly ZabOptions Options = new(InitLimit: 5, SyncLimit: 2, ReconfigEnabled: true);
    private static readonly QuorumConfig Config = QuorumConfig.Parse(Text(1, [1, 2, 3], [6]))!;

    private static string Text(long version, long[] voters, long[]? observers = null) =>
        string.Join('\n', voters.Select(s => $"server.{s}=127.0.0.1:{2880 + s}:{3880 + s}:participant")
            .Concat((observers ?? []).Select(s => $"server.{s}=127.0.0.1:{2880 + s}:{3880 + s}:observer"))
            .Append($"version={version:x}"));

    private static ZabTxn ReconfigTxn(long zxid, string config) => new(zxid, TxnCodec.Serialize(new Txn(
        new TxnHeader(7, 1, zxid, 0, OpCode.Reconfig), new SetDataTxn("/zookeeper/config", Encoding.UTF8.GetBytes(config), -1))));

    private static byte[] Long(long value)
    {
        var data = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(data, value);
        return data;
    }

    /// <summary>Leader 1 established in epoch 2 with followers 2 and 3, learners 4 and 5 (followers outside the config) and observer 6.</summary>
    private static LeaderCore Established()
    {
        var leader = new LeaderCore(1, Config, Options, new EpochState(1, 1), ZabLog.FullyApplied(Histories.Of((1, 1, 3))));
        leader.Start();
        foreach (var sid in new long[] { 2, 3, 4, 5, 6 })
        {
            leader.Step(sid, sid == 6 ? ObserverInfo(sid, 1) : FollowerInfo(sid, 1));
            leader.Step(sid, AckEpoch(Z(1, 3), 1));
        }
        foreach (var sid in new long[] { 2, 3, 4, 5, 6 }) leader.Step(sid, Ack(Z(2, 0)));
        Assert.True(leader.IsEstablished);
        return leader;
    }

    [Fact]
    public void A_new_leader_versions_a_static_config_with_its_epochs_first_zxid_and_activates_it_at_the_newleader_quorum()
    {
        var leader = new LeaderCore(1, QuorumConfig.Parse(Text(0, [1, 2, 3]))!, Options, new EpochState(1, 1), ZabLog.Empty);
        leader.Start();
        leader.Step(2, FollowerInfo(2, 1));
        var sync = leader.Step(2, AckEpoch(0, 1));
        var newLeader = Assert.Single(sync.To(2), p => p.Type == QuorumPacketType.NewLeader);
        Assert.Equal(Text(Z(2, 0), [1, 2, 3]), Encoding.UTF8.GetString(newLeader.Data!));
        var established = leader.Step(2, Ack(Z(2, 0)));
        Assert.Equal(Z(2, 0), Assert.Single(established.Activate).Config.Version);
        Assert.Equal(Z(2, 0), leader.Config.Version);
    }

    [Fact]
    public void A_reconfig_commits_only_with_a_quorum_of_the_old_and_of_the_new_config_then_activates_it()
    {
        var leader = Established();
        var next = Text(Z(2, 1), [1, 4, 5], [6]);
        var txn = ReconfigTxn(Z(2, 1), next);
        leader.Propose(txn);
        Assert.True(leader.ReconfigInProgress);
        Assert.Empty(leader.Step(2, Ack(Z(2, 1))).Apply);    // {1,2}: old quorum, not a new one
        var commit = leader.Step(4, Ack(Z(2, 1)));           // {1,2,4}: both
        Assert.Equal([txn], commit.Apply);
        Assert.Equal([new QuorumPacket(QuorumPacketType.CommitAndActivate, Z(2, 1), Long(1))], commit.To(2));
        Assert.Equal([new QuorumPacket(QuorumPacketType.InformAndActivate, Z(2, 1), [.. Long(1), .. txn.Data])], commit.To(6));
        var activation = Assert.Single(commit.Activate);
        Assert.Equal((Z(2, 1), 1L), (activation.Config.Version, activation.DesignatedLeader!.Value));
        Assert.False(leader.ReconfigInProgress);
        // Only the new config counts from now on: 4 alone with the leader is a quorum, 2 and 3 are not.
        leader.Propose(Histories.Txn(2, 2));
        Assert.Empty(leader.Step(2, Ack(Z(2, 2))).Apply);
        Assert.Single(leader.Step(5, Ack(Z(2, 2))).Apply);
    }

    [Fact]
    public void A_leader_left_out_designates_a_voter_that_acked_and_commits_nothing_more()
    {
        var leader = Established();
        leader.Propose(ReconfigTxn(Z(2, 1), Text(Z(2, 1), [2, 3])));
        leader.Propose(Histories.Txn(2, 2));
        leader.Step(3, Ack(Z(2, 1)));
        leader.Step(3, Ack(Z(2, 2)));
        var commit = leader.Step(2, Ack(Z(2, 1)));
        Assert.Equal(3, Assert.Single(commit.Activate).DesignatedLeader); // 3 also acked the proposal after it
        Assert.Equal([new QuorumPacket(QuorumPacketType.CommitAndActivate, Z(2, 1), Long(3))], commit.To(2));
        Assert.Empty(leader.Step(2, Ack(Z(2, 2))).Apply);
    }

    private static FollowerCore Following(bool observer = false, ZabOptions? options = null)
    {
        var follower = new FollowerCore(observer ? 6 : 2, 1, Config, options ?? Options, new EpochState(1, 1),
            ZabLog.FullyApplied(Histories.Of((1, 1, 3))), observer);
        follower.Start();
        follower.Step(LeaderInfo(2));
        follower.Step(Op(QuorumPacketType.Diff, Z(1, 3)));
        follower.Step(NewLeaderPacket(2, Config));
        follower.Step(UpToDate);
        Assert.True(follower.IsEstablished);
        return follower;
    }

    [Fact]
    public void Commitandactivate_applies_the_txn_then_activates_its_config_with_the_designated_leader()
    {
        var follower = Following();
        var txn = ReconfigTxn(Z(2, 1), Text(Z(2, 1), [1, 3]));
        follower.Step(Proposal(txn));
        var ready = follower.Step(new QuorumPacket(QuorumPacketType.CommitAndActivate, Z(2, 1), Long(3)));
        Assert.Equal([txn], ready.Apply);
        var activation = Assert.Single(ready.Activate);
        Assert.Equal((Z(2, 1), 3L), (activation.Config.Version, activation.DesignatedLeader!.Value));
        Assert.Equal([1L, 3L], activation.Config.Voters);
        Assert.Equal(Z(2, 1), follower.Config.Version);
    }

    [Fact]
    public void Informandactivate_gives_an_observer_the_txn_after_the_designated_leader()
    {
        var observer = Following(observer: true);
        var txn = ReconfigTxn(Z(2, 1), Text(Z(2, 1), [1, 2], [6]));
        var ready = observer.Step(new QuorumPacket(QuorumPacketType.InformAndActivate, Z(2, 1), [.. Long(1), .. txn.Data]));
        Assert.Equal([new AppendTxns([txn])], ready.Persist);
        Assert.Equal([txn], ready.Apply);
        Assert.Equal(1, Assert.Single(ready.Activate).DesignatedLeader);
    }

    [Fact]
    public void With_reconfig_disabled_the_txn_is_applied_but_nothing_is_activated()
    {
        var follower = Following(options: Options with { ReconfigEnabled = false });
        var txn = ReconfigTxn(Z(2, 1), Text(Z(2, 1), [1, 3]));
        follower.Step(Proposal(txn));
        var ready = follower.Step(new QuorumPacket(QuorumPacketType.CommitAndActivate, Z(2, 1), Long(1)));
        Assert.Equal([txn], ready.Apply);
        Assert.Empty(ready.Activate);
    }

    [Fact]
    public void A_newer_config_in_newleader_is_activated_at_uptodate()
    {
        var follower = new FollowerCore(2, 1, Config, Options, new EpochState(1, 1), ZabLog.FullyApplied(Histories.Of((1, 1, 3))));
        follower.Start();
        follower.Step(LeaderInfo(2));
        follower.Step(Op(QuorumPacketType.Diff, Z(1, 3)));
        var newer = QuorumPacket(Text(Z(2, 0), [1, 2, 3], [6]));
        Assert.Empty(follower.Step(newer).Activate);
        var ready = follower.Step(UpToDate);
        Assert.Null(Assert.Single(ready.Activate).DesignatedLeader);
        Assert.Equal(Z(2, 0), follower.Config.Version);
    }

    private static QuorumPacket QuorumPacket(string config) => new(QuorumPacketType.NewLeader, Z(2, 0), Encoding.UTF8.GetBytes(config));
}
