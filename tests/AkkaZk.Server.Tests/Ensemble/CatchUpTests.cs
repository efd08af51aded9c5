using System.Text;

namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>A follower that was down catches up from the leader: by DIFF within the committed-log window, by SNAP beyond it.</summary>
public sealed class CatchUpTests
{
    [Fact]
    public async Task A_restarted_follower_catches_up_by_diff()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
        var leader = await ensemble.LeaderAsync();
        var lagging = (await ensemble.FollowersAsync())[0];
        // The follower has logged something of this epoch, so it is inside the leader's committed-log window.
        await WriteAsync(ensemble, leader, "/before", 1);
        await ReplicationTests.AssertDataAsync(ensemble, lagging, "/before/n0", "v0");
        await ensemble.KillAsync(lagging);
        var snapshotsBefore = ensemble.SnapshotFiles(lagging);
        await WriteAsync(ensemble, leader, "/diff", 20);
        ensemble.Start(lagging);
        await ensemble.AwaitServingAsync(lagging);
        await ReplicationTests.AssertDataAsync(ensemble, lagging, "/diff/n19", "v19");
        // A DIFF sync replays txns into the log; only a SNAP (or TRUNC) makes the learner write a snapshot.
        Assert.Equal(snapshotsBefore, ensemble.SnapshotFiles(lagging));
    }

    [Fact]
    public async Task A_follower_further_behind_than_the_committed_log_catches_up_by_snap()
    {
        await using var ensemble = await TestEnsemble.StartAsync(commitLogCount: 5);
        var leader = await ensemble.LeaderAsync();
        var lagging = (await ensemble.FollowersAsync())[0];
        await ensemble.KillAsync(lagging);
        var snapshotsBefore = ensemble.SnapshotFiles(lagging);
        await WriteAsync(ensemble, leader, "/snap", 30);
        ensemble.Start(lagging);
        await ensemble.AwaitServingAsync(lagging);
        await ReplicationTests.AssertDataAsync(ensemble, lagging, "/snap/n29", "v29");
        Assert.NotEqual(snapshotsBefore, ensemble.SnapshotFiles(lagging));
        // What came by SNAP is durable: it is still there after the follower restarts once more.
        await ensemble.KillAsync(lagging);
        ensemble.Start(lagging);
        await ensemble.AwaitServingAsync(lagging);
        await using var client = await ensemble.ConnectAsync(lagging);
        Assert.Equal(30, (await client.GetChildrenAsync("/snap")).Count);
    }

    [Fact]
    public async Task A_snapshot_larger_than_the_read_buffer_arrives_whole()
    {
        await using var ensemble = await TestEnsemble.StartAsync(commitLogCount: 5);
        var leader = await ensemble.LeaderAsync();
        var lagging = (await ensemble.FollowersAsync())[0];
        await ensemble.KillAsync(lagging);
        await WriteAsync(ensemble, leader, "/big", 200, padding: 2000); // ~400 KB of node data
        ensemble.Start(lagging);
        await ensemble.AwaitServingAsync(lagging);
        await using var client = await ensemble.ConnectAsync(lagging);
        await Eventually.AssertAsync(async () => Assert.Equal(200, (await client.GetChildrenAsync("/big")).Count), TestEnsemble.Bound);
        var (data, _) = await client.GetDataAsync("/big/n199");
        Assert.StartsWith("v199", Encoding.UTF8.GetString(data!));
        Assert.Equal(2004, data!.Length);
    }

    internal static async Task WriteAsync(TestEnsemble ensemble, long id, string parent, int count, int padding = 0)
    {
        await using var client = await ensemble.ConnectAsync(id);
        await client.CreateAsync(parent, null);
        for (var i = 0; i < count; i++)
            await client.CreateAsync($"{parent}/n{i}", Encoding.UTF8.GetBytes($"v{i}".PadRight($"v{i}".Length + padding, '.')));
    }
}
