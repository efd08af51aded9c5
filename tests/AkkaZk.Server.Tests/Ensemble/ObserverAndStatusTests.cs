using System.Text;
using AkkaZk.Server.Tests.Support;

namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>Observers learn every commit and forward writes without voting; srvr and mntr report each server's role.</summary>
public sealed class ObserverAndStatusTests
{
    [Fact]
    public async Task An_observer_sees_the_leaders_writes_and_forwards_its_own()
    {
        await using var ensemble = await TestEnsemble.StartAsync(voters: 3, observers: 1);
        const long observer = 4;
        Assert.Equal("observer", (await ensemble.StatusAsync(observer)).Mode);
        var leader = await ensemble.LeaderAsync();
        await using (var client = await ensemble.ConnectAsync(leader))
            await client.CreateAsync("/from-leader", Encoding.UTF8.GetBytes("L"));
        await ReplicationTests.AssertDataAsync(ensemble, observer, "/from-leader", "L");
        await using (var client = await ensemble.ConnectAsync(observer))
            await client.CreateAsync("/from-observer", Encoding.UTF8.GetBytes("O"));
        foreach (var id in ensemble.Ids) await ReplicationTests.AssertDataAsync(ensemble, id, "/from-observer", "O");
        // As ZooKeeper 3.8's mntr on an observer: its peer state, the leader it observes, and the voters only.
        var mntr = await RawConnection.FourLetterWordAsync(ensemble.ClientPort(observer), "mntr");
        Assert.Contains($"zk_server_state\tobserver\nzk_peer_state\tobserving - broadcast\nzk_observer_master_id\t{leader}\n", mntr);
        Assert.Contains("zk_quorum_size\t3\n", mntr);
    }

    [Fact]
    public async Task Srvr_and_mntr_report_the_role()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
        var leader = await ensemble.LeaderAsync();
        Assert.Contains("Mode: leader\n", await RawConnection.FourLetterWordAsync(ensemble.ClientPort(leader), "srvr"));
        var mntr = await RawConnection.FourLetterWordAsync(ensemble.ClientPort(leader), "mntr");
        Assert.Contains("zk_server_state\tleader\nzk_peer_state\tleading - broadcast\n", mntr);
        Assert.Contains("zk_quorum_size\t3\n", mntr);
        Assert.Contains("zk_synced_followers\t2\n", mntr);
        foreach (var follower in await ensemble.FollowersAsync())
        {
            Assert.Contains("Mode: follower\n", await RawConnection.FourLetterWordAsync(ensemble.ClientPort(follower), "srvr"));
            Assert.Contains("zk_server_state\tfollower\nzk_peer_state\tfollowing - broadcast\n",
                await RawConnection.FourLetterWordAsync(ensemble.ClientPort(follower), "mntr"));
        }
    }
}
