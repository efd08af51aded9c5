using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus.Tests;

/// <summary>FastLeaderElection details on one core, message by message.</summary>
public sealed class ElectionCoreTests
{
    private static readonly QuorumConfig Three = new([1, 2, 3], [4]);
    private static readonly ElectionOptions Options = new(TickMillis: 100, MaxNotificationIntervalMillis: 1000);

    private static Notification Looking(long leader, long zxid, long round, long peerEpoch) =>
        Notification.Create(ServerState.Looking, leader, zxid, round, peerEpoch, Three.ConfigString);

    [Fact]
    public void Starting_a_round_sends_the_own_vote_to_every_other_voter()
    {
        var core = new ElectionCore(1, Three, Options, 0x100000005, 1);
        var ready = core.StartLooking(0x100000005, 1);
        Assert.Equal(1, core.LogicalClock);
        Assert.Equal([2L, 3L], ready.Send.Select(s => s.To));
        Assert.All(ready.Send, s => Assert.Equal(Looking(1, 0x100000005, 1, 1), s.Message));
    }

    [Fact]
    public void A_better_vote_is_adopted_and_rebroadcast_and_a_quorum_waits_finalize_before_deciding()
    {
        var core = new ElectionCore(1, Three, Options, 0x100000005, 1);
        core.StartLooking(0x100000005, 1);
        var ready = core.Step(2, Looking(2, 0x100000007, 1, 1));
        Assert.Equal(new Vote(2, 0x100000007, 1, 1), core.Proposal);
        Assert.All(ready.Send, s => Assert.Equal(2L, s.Message.Leader));
        Assert.True(core.IsFinalizing); // self + 2 agree: a quorum of 3
        Assert.Null(core.Tick().RoleChange);
        var done = core.Tick();
        Assert.Equal(new ElectionFinished(ServerState.Following, new Vote(2, 0x100000007, 1, 1)), done.RoleChange);
        Assert.Equal(ServerState.Following, core.State);
    }

    [Fact]
    public void A_better_vote_during_finalize_wait_reopens_the_round()
    {
        var core = new ElectionCore(1, Three, Options, 0x100000005, 1);
        core.StartLooking(0x100000005, 1);
        core.Step(2, Looking(2, 0x100000007, 1, 1));
        core.Tick();
        core.Step(3, Looking(3, 0x100000007, 1, 1)); // same zxid, higher sid: better
        Assert.Equal(3, core.Proposal.Leader);
        core.Tick();
        Assert.True(core.IsFinalizing); // 1 and 3 now agree on 3
        Assert.Equal(3, core.Tick().RoleChange is ElectionFinished f ? f.Vote.Leader : -1);
    }

    [Fact]
    public void Worse_votes_during_finalize_are_dropped_and_restart_the_wait()
    {
        var core = new ElectionCore(3, Three, Options, 0x100000007, 1);
        core.StartLooking(0x100000007, 1);
        core.Step(2, Looking(3, 0x100000007, 1, 1));
        core.Tick();
        core.Step(1, Looking(1, 0x100000001, 1, 1));
        Assert.Null(core.Tick().RoleChange); // the wait started again at the dropped vote
        Assert.Equal(ServerState.Leading, (core.Tick().RoleChange as ElectionFinished)!.State);
    }

    [Fact]
    public void Notification_timeout_resends_and_doubles_up_to_the_cap()
    {
        var core = new ElectionCore(1, Three, Options, 0, 0);
        core.StartLooking(0, 0);
        var resends = new List<long>();
        for (var tick = 1; tick <= 40; tick++)
            if (core.Tick().Send.Count > 0) resends.Add(tick);
        // 200 ms, then 400, 800, then capped at 1000 ms (10 ticks).
        Assert.Equal([2L, 6L, 14L, 24L, 34L], resends);
        Assert.Equal(10, core.NotificationTimeoutTicks);
    }

    [Fact]
    public void A_later_round_resets_the_votes_and_compares_with_the_initial_vote()
    {
        var core = new ElectionCore(1, Three, Options, 0x100000009, 1);
        core.StartLooking(0x100000009, 1);
        core.Step(2, Looking(2, 0x100000003, 1, 1));
        var ready = core.Step(3, Looking(3, 0x100000003, 5, 1));
        Assert.Equal(5, core.LogicalClock);
        Assert.Equal(new Vote(1, 0x100000009, 5, 1), core.Proposal); // our own initial vote is better
        Assert.All(ready.Send, s => Assert.Equal(5, s.Message.ElectionEpoch));
    }

    [Fact]
    public void A_looking_peer_in_an_older_round_is_answered_with_our_proposal()
    {
        var core = new ElectionCore(1, Three, Options, 5, 1);
        core.StartLooking(5, 1);
        core.Step(2, Looking(2, 0, 3, 0)); // moves us to round 3
        var ready = core.Step(3, Looking(3, 0, 1, 0));
        var reply = Assert.Single(ready.Send, s => s.To == 3);
        Assert.Equal(Looking(1, 5, 3, 1), reply.Message);
    }

    [Fact]
    public void Epoch_beats_zxid_and_zxid_beats_sid()
    {
        var core = new ElectionCore(1, Three, Options, 0x100000009, 1);
        core.StartLooking(0x100000009, 1);
        core.Step(3, Looking(3, 0x100000008, 1, 1));
        Assert.Equal(1, core.Proposal.Leader); // lower zxid loses despite the higher sid
        core.Step(2, Looking(2, 0x200000001, 1, 2));
        Assert.Equal(2, core.Proposal.Leader); // a higher epoch wins despite... everything
    }

    [Fact]
    public void Once_elected_a_looking_peer_gets_the_elected_vote_with_its_round_and_state()
    {
        var core = new ElectionCore(1, Three, Options, 0x100000005, 1);
        core.StartLooking(0x100000005, 1);
        core.Step(2, Looking(2, 0x100000007, 1, 1));
        core.Tick();
        core.Tick();
        core.UpdateElectionVote(2);
        var ready = core.Step(3, Looking(3, 0, 7, 0));
        Assert.Equal(Notification.Create(ServerState.Following, 2, 0x100000007, 1, 2, Three.ConfigString), Assert.Single(ready.Send).Message);
        Assert.Empty(core.Step(3, Notification.Create(ServerState.Following, 2, 0, 1, 2, "")).Send); // not LOOKING: ignored
    }

    [Fact]
    public void An_observer_gets_our_current_vote_and_its_vote_is_not_counted()
    {
        var core = new ElectionCore(1, Three, Options, 0x100000005, 1);
        core.StartLooking(0x100000005, 1);
        var ready = core.Step(4, Looking(4, 0x900000000, 1, 9));
        var reply = Assert.Single(ready.Send);
        Assert.Equal(4, reply.To);
        Assert.Equal(Notification.Create(ServerState.Looking, 1, 0x100000005, 1, 1, Three.ConfigString), reply.Message);
        Assert.Equal(1, core.Proposal.Leader);
    }

    [Fact]
    public void A_vote_for_a_non_voter_is_ignored()
    {
        var core = new ElectionCore(1, Three, Options, 1, 1);
        core.StartLooking(1, 1);
        core.Step(2, Looking(4, 0x900000000, 1, 9));
        Assert.Equal(1, core.Proposal.Leader);
    }

    [Fact]
    public void Joining_an_established_ensemble_needs_a_quorum_and_the_leaders_own_leading_vote()
    {
        var core = new ElectionCore(3, Three, Options, 0, 0);
        core.StartLooking(0, 0);
        var following = Notification.Create(ServerState.Following, 2, 0x100000004, 4, 5, "");
        var leading = following with { State = ServerState.Leading };
        Assert.Null(core.Step(1, following).RoleChange); // {1} is no quorum
        Assert.Null(core.Step(3, following).RoleChange); // ourselves: still no LEADING vote from 2
        var done = core.Step(2, leading);
        Assert.Equal(new ElectionFinished(ServerState.Following, new Vote(2, 0x100000004, 4, 5)), done.RoleChange);
        Assert.Equal(4, core.LogicalClock);
    }

    [Fact]
    public void Out_of_election_votes_match_on_leader_and_epoch_only()
    {
        // ZOOKEEPER-1732/1805: a follower and the leader report different zxids and rounds but the same epoch.
        var core = new ElectionCore(3, Three, Options, 0, 0);
        core.StartLooking(0, 0);
        core.Step(1, Notification.Create(ServerState.Following, 2, 0x100000009, 2, 5, ""));
        var done = core.Step(2, Notification.Create(ServerState.Leading, 2, 0x100000004, 4, 5, ""));
        Assert.IsType<ElectionFinished>(done.RoleChange);
    }

    [Fact]
    public void Stale_votes_with_another_epoch_do_not_form_a_quorum()
    {
        // Without ZOOKEEPER-1732 a follower still reports the old epoch: leader and follower disagree.
        var core = new ElectionCore(3, Three, Options, 0, 0);
        core.StartLooking(0, 0);
        core.Step(1, Notification.Create(ServerState.Following, 2, 0x100000009, 2, 4, ""));
        Assert.Null(core.Step(2, Notification.Create(ServerState.Leading, 2, 0x100000004, 4, 5, "")).RoleChange);
    }
}
