using AkkaZk.Client;
using AkkaZk.Jute;

namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>
/// Sessions that move between servers (ZooKeeper 3.8's REVALIDATE and SessionMoved): a learner asks the leader
/// before it accepts a reattached session, the leader answers valid only for a live one and records its new server,
/// and a request through the old server closes that connection.
/// </summary>
public sealed class SessionMoveTests
{
    private static readonly TimeSpan Bound = TestEnsemble.Bound;

    [Fact]
    public async Task A_write_through_the_old_follower_closes_that_connection_and_is_not_applied()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
        var followers = await ensemble.FollowersAsync();
        await using var old = await ensemble.ConnectAsync(followers[0]);
        await old.CreateAsync("/before", null);
        await using var moved = await ReattachAsync(ensemble, followers[1], old);
        Assert.Equal(old.SessionId, moved.SessionId);
        await Assert.ThrowsAsync<IOException>(() => old.CreateAsync("/stale", null));
        await old.Closed.WaitAsync(Bound);
        Assert.Equal("/after", await moved.CreateAsync("/after", null));
        Assert.Null(await moved.ExistsAsync("/stale"));
        Assert.Contains("Session moved", ensemble.LogText());
    }

    [Fact]
    public async Task A_session_moves_from_an_observer_to_a_follower()
    {
        await using var ensemble = await TestEnsemble.StartAsync(voters: 3, observers: 1);
        const long observer = 4;
        var follower = (await ensemble.FollowersAsync()).First(id => id != observer);
        await using var old = await ensemble.ConnectAsync(observer);
        await using var moved = await ReattachAsync(ensemble, follower, old);
        await Assert.ThrowsAsync<IOException>(() => old.SetDataAsync("/", [1]));
        Assert.Equal("/from-observer", await moved.CreateAsync("/from-observer", null));
    }

    [Fact]
    public async Task A_read_on_the_leader_after_the_session_moved_to_a_follower_closes_that_connection()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
        var leader = await ensemble.LeaderAsync();
        var follower = (await ensemble.FollowersAsync())[0];
        await using var old = await ensemble.ConnectAsync(leader);
        await using var moved = await ReattachAsync(ensemble, follower, old);
        await Assert.ThrowsAsync<IOException>(() => old.ExistsAsync("/"));
        Assert.NotNull(await moved.ExistsAsync("/"));
    }

    [Fact]
    public async Task A_closed_session_reattached_to_a_follower_is_refused_by_the_leader()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
        var leader = await ensemble.LeaderAsync();
        var follower = (await ensemble.FollowersAsync())[0];
        var closed = await ensemble.ConnectAsync(leader);
        await closed.CloseSessionAsync();
        await Assert.ThrowsAsync<SessionExpiredException>(() => ReattachAsync(ensemble, follower, closed));
    }

    [Fact]
    public async Task A_reattach_waiting_for_a_lost_leader_is_closed()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
        var leader = await ensemble.LeaderAsync();
        var follower = (await ensemble.FollowersAsync())[0];
        await using var first = await ensemble.ConnectAsync(leader);
        // The REVALIDATE never reaches the leader; the follower gives the leader up after syncLimit and closes it.
        ensemble.Faults.Blackhole(follower, leader);
        var reattach = ReattachAsync(ensemble, follower, first);
        await Assert.ThrowsAsync<IOException>(() => reattach.WaitAsync(Bound));
        Assert.Contains($"Revalidating client: 0x{first.SessionId:x}", ensemble.LogText());
    }

    /// <summary>A second handle on <paramref name="session"/>'s session, connected to node <paramref name="id"/>.</summary>
    private static Task<ZkClient> ReattachAsync(TestEnsemble ensemble, long id, ZkClient session) =>
        ZkClient.ConnectAsync("127.0.0.1", ensemble.ClientPort(id), 30000, session.SessionId, session.Password);
}
