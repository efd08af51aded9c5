namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>Link faults (the conductor's Blackhole) on the quorum port: a cut-off follower does not stop the quorum.</summary>
public sealed class PartitionTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_blackholed_follower_misses_writes_and_catches_up_when_healed(bool realElection)
    {
        await using var ensemble = await TestEnsemble.StartAsync(realElection: realElection);
        var leader = await ensemble.LeaderAsync();
        var followers = await ensemble.FollowersAsync();
        var cut = followers[0];
        ensemble.Faults.Blackhole(leader, cut);
        // The leader and the other follower are a quorum: writes keep committing.
        await CatchUpTests.WriteAsync(ensemble, followers[1], "/during-partition", 10);
        // The cut-off follower notices (no PINGs within syncLimit) and stops serving.
        await Eventually.AssertAsync(async () => Assert.False((await ensemble.StatusAsync(cut)).Serving), TestEnsemble.Bound);
        ensemble.Faults.HealAll();
        await ensemble.AwaitServingAsync(cut);
        await ReplicationTests.AssertDataAsync(ensemble, cut, "/during-partition/n9", "v9");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_txn_only_the_cut_off_leader_logged_is_truncated_when_it_rejoins(bool realElection)
    {
        await using var ensemble = await TestEnsemble.StartAsync(realElection: realElection);
        var oldLeader = await ensemble.LeaderAsync();
        var others = await ensemble.FollowersAsync();
        await CatchUpTests.WriteAsync(ensemble, oldLeader, "/committed", 3);
        foreach (var id in others) await ReplicationTests.AssertDataAsync(ensemble, id, "/committed/n2", "v2");
        var client = await ensemble.ConnectAsync(oldLeader);
        ensemble.Faults.Isolate(oldLeader, ensemble.Ids);
        // The leader logs this proposal, but no follower hears it: it never commits and is never answered.
        var neverAnswered = client.CreateAsync("/uncommitted", null);
        await Eventually.AssertAsync(async () => Assert.False((await ensemble.StatusAsync(oldLeader)).Serving), TestEnsemble.Bound);
        await ensemble.KillAsync(oldLeader);
        ensemble.Faults.HealAll();
        var newLeader = await ensemble.LeaderAsync();
        Assert.Contains(newLeader, others);
        ensemble.Start(oldLeader);
        await ensemble.AwaitServingAsync(oldLeader);
        foreach (var id in ensemble.Ids)
        {
            await using var reader = await ensemble.ConnectAsync(id);
            Assert.True(await reader.ExistsAsync("/uncommitted") is null, $"node {id} has /uncommitted\n{ensemble.LogText()}");
            Assert.Equal(3, (await reader.GetChildrenAsync("/committed")).Count);
        }
        Assert.False(neverAnswered.IsCompletedSuccessfully);
        await client.DisposeAsync();
    }
}
