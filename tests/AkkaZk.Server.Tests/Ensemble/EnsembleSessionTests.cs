using System.Diagnostics;
using AkkaZk.Jute;

namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>Global sessions: created and closed through the leader, kept alive by follower activity, expired by the leader.</summary>
public sealed class EnsembleSessionTests
{
    private static readonly TimeSpan Bound = TestEnsemble.Bound;

    [Fact]
    public async Task A_session_closed_on_a_follower_removes_its_ephemerals_everywhere()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
        var leader = await ensemble.LeaderAsync();
        var follower = (await ensemble.FollowersAsync())[0];
        var owner = await ensemble.ConnectAsync(follower);
        await owner.CreateAsync("/eph", null, CreateMode.Ephemeral);
        await using var observer = await ensemble.ConnectAsync(leader);
        await Eventually.AssertAsync(async () => Assert.NotNull(await observer.ExistsAsync("/eph")), Bound);
        await owner.CloseSessionAsync();
        foreach (var id in ensemble.Ids)
        {
            await using var client = await ensemble.ConnectAsync(id);
            await Eventually.AssertAsync(async () => Assert.Null(await client.ExistsAsync("/eph")), Bound);
        }
    }

    [Fact]
    public async Task The_leader_expires_a_follower_session_whose_client_went_away()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
        var leader = await ensemble.LeaderAsync();
        var follower = (await ensemble.FollowersAsync())[0];
        var gone = await ensemble.ConnectAsync(follower, sessionTimeoutMs: 400);
        await gone.CreateAsync("/expiring", null, CreateMode.Ephemeral);
        await gone.DisposeAsync(); // no closeSession: only expiry removes it
        await using var client = await ensemble.ConnectAsync(leader);
        await Eventually.AssertAsync(async () => Assert.Null(await client.ExistsAsync("/expiring")), Bound);
    }

    [Fact]
    public async Task A_client_that_only_reads_on_a_follower_is_not_expired()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
        var leader = await ensemble.LeaderAsync();
        var follower = (await ensemble.FollowersAsync())[0];
        // 2 s (20 ticks) leaves room for a loaded machine's scheduling stalls; the reads span three timeouts.
        await using var reader = await ensemble.ConnectAsync(follower, sessionTimeoutMs: 2000);
        await reader.CreateAsync("/alive", null, CreateMode.Ephemeral);
        // Reads for several session timeouts: only the followers' PING replies tell the leader the session is active.
        var watch = Stopwatch.StartNew();
        while (watch.ElapsedMilliseconds < 6000) await reader.ExistsAsync("/alive");
        await using var client = await ensemble.ConnectAsync(leader);
        Assert.NotNull(await client.ExistsAsync("/alive"));
    }

    [Fact]
    public async Task Sync_on_a_follower_is_answered_after_the_leaders_commits()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
        var leader = await ensemble.LeaderAsync();
        var follower = (await ensemble.FollowersAsync())[0];
        await using var writer = await ensemble.ConnectAsync(leader);
        await using var reader = await ensemble.ConnectAsync(follower);
        await writer.CreateAsync("/synced", null);
        var reply = await reader.SendAsync(OpCode.Sync, new SyncRequest("/synced"));
        Assert.Equal(ErrorCode.Ok, reply.Err);
        Assert.Equal("/synced", Assert.IsType<SyncResponse>(reply.Body).Path);
        Assert.NotNull(await reader.ExistsAsync("/synced"));
    }
}
