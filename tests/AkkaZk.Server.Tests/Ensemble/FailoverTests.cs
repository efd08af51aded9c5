using System.Text;

namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>The leader goes away: the remaining quorum elects a new leader and keeps every acknowledged write.</summary>
public sealed class FailoverTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task When_the_leader_is_gone_a_new_leader_keeps_the_acknowledged_writes(bool realElection)
    {
        await using var ensemble = await TestEnsemble.StartAsync(realElection: realElection);
        var oldLeader = await ensemble.LeaderAsync();
        var follower = (await ensemble.FollowersAsync())[0];
        await CatchUpTests.WriteAsync(ensemble, follower, "/acked", 25);
        await ensemble.KillAsync(oldLeader);
        var newLeader = await ensemble.LeaderAsync();
        Assert.NotEqual(oldLeader, newLeader);
        foreach (var id in ensemble.Ids.Where(id => id != oldLeader))
        {
            await ensemble.AwaitServingAsync(id);
            await using var client = await ensemble.ConnectAsync(id);
            Assert.Equal(25, (await client.GetChildrenAsync("/acked")).Count);
        }
        // The new epoch takes writes, and the old leader rejoins as a follower with all of them.
        await using (var client = await ensemble.ConnectAsync(newLeader))
            await client.CreateAsync("/after", Encoding.UTF8.GetBytes("new epoch"));
        ensemble.Start(oldLeader);
        await ensemble.AwaitServingAsync(oldLeader);
        Assert.Equal("follower", (await ensemble.StatusAsync(oldLeader)).Mode);
        await ReplicationTests.AssertDataAsync(ensemble, oldLeader, "/after", "new epoch");
    }
}
