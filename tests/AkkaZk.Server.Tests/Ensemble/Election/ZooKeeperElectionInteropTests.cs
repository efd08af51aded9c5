using AkkaZk.Server.Ensemble;
using AkkaZk.Jute.Quorum;
using Xunit.Abstractions;

namespace AkkaZk.Server.Tests.Ensemble.Election;

/// <summary>
/// An ElectionActor in one ensemble with Apache ZooKeeper 3.8.0 servers (Debian's jars) over the real election
/// port: both sides read each other's initial messages and notifications and agree on the same leader.
/// </summary>
public sealed class ZooKeeperElectionInteropTests(ITestOutputHelper output) : TestKit.TestKit
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task With_two_zookeeper_servers_of_higher_sids_it_follows_the_one_they_elect()
    {
        var cluster = new ElectionCluster(this, 3);
        cluster.StartAndLook(1);
        (await ElectionPortTests.ConnectAsync(cluster.ElectionPort(1))).Dispose();
        // 3 first: with this node it is a quorum that elects 3. Started after 2, a slow JVM let 1 and 2 elect 2 first.
        await using var zk3 = await ZooKeeperPeerProcess.StartAsync(3, cluster.Servers, cluster.FreeClientPort());
        await using var zk2 = await ZooKeeperPeerProcess.StartAsync(2, cluster.Servers, cluster.FreeClientPort());
        try
        {
            var decision = cluster.Probes[1].ExpectMsg<ElectionProtocol.Decided>(Bound);
            Assert.Equal((ServerState.Following, 3L, 0L), (decision.State, decision.Vote.Leader, decision.Vote.Zxid));
            // The vote's epoch depends on timing: 0 while 3 is still deciding, 1 once 3 leads and answers with the
            // epoch it has established with 2.
            Assert.InRange(decision.Vote.PeerEpoch, 0L, 1L);
            // The ZooKeeper pair is a quorum on its own: 3 leads, 2 follows, both serve.
            await AwaitModeAsync(zk3, "leader");
            await AwaitModeAsync(zk2, "follower");
        }
        finally
        {
            output.WriteLine($"--- zk2\n{zk2.Log}\n--- zk3\n{zk3.Log}");
        }
    }

    [Fact]
    public async Task With_the_highest_sid_and_the_latest_zxid_it_is_elected_by_zookeeper()
    {
        var cluster = new ElectionCluster(this, 3);
        var mine = ZxidUtils.MakeZxid(1, 5);
        cluster.StartAndLook(3, mine, 1);
        (await ElectionPortTests.ConnectAsync(cluster.ElectionPort(3))).Dispose();
        // ZooKeeper 1 first: with this node it is a quorum, and it cannot elect anyone without this node's vote.
        await using var zk1 = await ZooKeeperPeerProcess.StartAsync(1, cluster.Servers, cluster.FreeClientPort());
        ZooKeeperPeerProcess? zk2 = null;
        try
        {
            var decision = cluster.Probes[3].ExpectMsg<ElectionProtocol.Decided>(Bound);
            Assert.Equal((ServerState.Leading, 3L, mine, 1L), (decision.State, decision.Vote.Leader, decision.Vote.Zxid, decision.Vote.PeerEpoch));
            // ZooKeeper logs each notification it receives: ours proposed 3 with our zxid and epoch, then it followed.
            await AwaitLogAsync(zk1, "n.leader:3, n.round:0x1, n.peerEpoch:0x1, n.zxid:0x100000005,");
            await AwaitLogAsync(zk1, "FOLLOWING");

            // A ZooKeeper server that joins later is answered with the leader's vote.
            zk2 = await ZooKeeperPeerProcess.StartAsync(2, cluster.Servers, cluster.FreeClientPort());
            await AwaitLogAsync(zk2, "n.sid:3, n.state:LEADING, n.leader:3, n.round:0x1, n.peerEpoch:0x1, n.zxid:0x100000005,");
        }
        finally
        {
            output.WriteLine($"--- zk1\n{zk1.Log}\n--- zk2\n{zk2?.Log}");
            if (zk2 is not null) await zk2.DisposeAsync();
        }
    }

    private static async Task AwaitModeAsync(ZooKeeperPeerProcess zk, string mode)
    {
        using var cts = new CancellationTokenSource(Bound);
        while (!(await zk.SrvrAsync()).Contains($"Mode: {mode}", StringComparison.Ordinal))
            await Task.Delay(50, cts.Token);
    }

    private static async Task AwaitLogAsync(ZooKeeperPeerProcess zk, string text)
    {
        using var cts = new CancellationTokenSource(Bound);
        while (!zk.Log.Contains(text, StringComparison.Ordinal)) await Task.Delay(50, cts.Token);
    }
}
