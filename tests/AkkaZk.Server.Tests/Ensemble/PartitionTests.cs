namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>Link faults (the conductor's Blackhole) on the quorum port: a cut-off follower does not stop the quorum.</summary>
public sealed class PartitionTests
{
    [Fact]
    public async Task A_blackholed_follower_misses_writes_and_catches_up_when_healed()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
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
}
