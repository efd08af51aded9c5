using System.Text;
using AkkaZk.Client;

namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>Three in-process nodes replicating over the quorum port (ZAB), elected by the stub election.</summary>
public sealed class ReplicationTests
{
    private static readonly TimeSpan Bound = TestEnsemble.Bound;

    [Fact]
    public async Task A_write_on_the_leader_is_readable_on_both_followers()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
        var leader = await ensemble.LeaderAsync();
        await using (var client = await ensemble.ConnectAsync(leader))
        {
            await client.CreateAsync("/replicated", Encoding.UTF8.GetBytes("hello"));
        }
        foreach (var follower in await ensemble.FollowersAsync())
            await AssertDataAsync(ensemble, follower, "/replicated", "hello");
    }

    [Fact]
    public async Task A_write_sent_to_a_follower_is_committed_and_answered()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
        var followers = await ensemble.FollowersAsync();
        await using (var client = await ensemble.ConnectAsync(followers[0]))
        {
            Assert.Equal("/via-follower", await client.CreateAsync("/via-follower", Encoding.UTF8.GetBytes("v1")));
            var stat = await client.SetDataAsync("/via-follower", Encoding.UTF8.GetBytes("v2"));
            Assert.Equal(1, stat.Version);
            // Read-your-writes on the same connection: the reply came after the commit was applied here.
            var (data, _) = await client.GetDataAsync("/via-follower");
            Assert.Equal("v2", Encoding.UTF8.GetString(data!));
            var error = await Assert.ThrowsAsync<KeeperException>(() => client.CreateAsync("/via-follower", null));
            Assert.Equal(Jute.ErrorCode.NodeExists, error.Code);
        }
        foreach (var id in ensemble.Ids) await AssertDataAsync(ensemble, id, "/via-follower", "v2");
    }

    [Fact]
    public async Task Data_survives_a_restart_of_every_node()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
        var followers = await ensemble.FollowersAsync();
        await using (var client = await ensemble.ConnectAsync(followers[0]))
        {
            await client.CreateAsync("/durable", null);
            await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.CreateAsync($"/durable/n{i}", Encoding.UTF8.GetBytes($"v{i}"))));
        }
        foreach (var id in ensemble.Ids) await ensemble.KillAsync(id);
        foreach (var id in ensemble.Ids) ensemble.Start(id);
        foreach (var id in ensemble.Ids) await ensemble.AwaitServingAsync(id);
        foreach (var id in ensemble.Ids)
        {
            await using var client = await ensemble.ConnectAsync(id);
            Assert.Equal(50, (await client.GetChildrenAsync("/durable")).Count);
        }
        await AssertDataAsync(ensemble, await ensemble.LeaderAsync(), "/durable/n49", "v49");
    }

    internal static async Task AssertDataAsync(TestEnsemble ensemble, long id, string path, string expected)
    {
        await using var client = await ensemble.ConnectAsync(id);
        await Eventually.AssertAsync(async () =>
        {
            var (data, _) = await client.GetDataAsync(path);
            Assert.Equal(expected, Encoding.UTF8.GetString(data!));
        }, Bound);
    }
}
