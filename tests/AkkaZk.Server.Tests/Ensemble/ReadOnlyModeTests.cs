using System.Text;
using AkkaZk.Client;
using AkkaZk.Jute;
using AkkaZk.Server.Tests.Support;

namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>
/// readonlymode.enabled: a member cut off from its quorum serves reads to read-only clients (ZooKeeper's
/// ReadOnlyZooKeeperServer), and gives them up when an election decides.
/// </summary>
public sealed class ReadOnlyModeTests
{
    [Fact]
    public async Task A_member_without_quorum_serves_reads_to_read_only_clients_and_refuses_the_rest()
    {
        await using var ensemble = TestEnsemble.Create(realElection: true, readOnlyMode: true);
        foreach (var id in ensemble.Ids) ensemble.Start(id);
        foreach (var id in ensemble.Ids) await ensemble.AwaitServingAsync(id);
        var leader = await ensemble.LeaderAsync();
        await using (var writer = await ensemble.ConnectAsync(leader))
            await writer.CreateAsync("/ro", Encoding.UTF8.GetBytes("kept"));
        const long survivor = 1;
        await ReplicationTests.AssertDataAsync(ensemble, survivor, "/ro", "kept");
        foreach (var id in ensemble.Ids.Where(id => id != survivor).ToList()) await ensemble.KillAsync(id);

        var port = ensemble.ClientPort(survivor);
        await Eventually.AssertAsync(async () =>
            Assert.Contains("Mode: read-only\n", await RawConnection.FourLetterWordAsync(port, "srvr")), TestEnsemble.Bound);
        Assert.Equal("ro", await RawConnection.FourLetterWordAsync(port, "isro"));

        // A client that did not ask for read-only is closed without a session.
        using (var plain = await RawConnection.OpenAsync(port))
        {
            await plain.SendConnectAsync(readOnly: false);
            Assert.Null(await plain.ReadFrameAsync());
        }

        await using var client = await ZkClient.ConnectAsync("127.0.0.1", port, readOnly: true);
        Assert.True(client.IsReadOnly);
        Assert.Equal("kept", Encoding.UTF8.GetString((await client.GetDataAsync("/ro")).Data!));
        Assert.Equal(ErrorCode.NotReadOnly, (await Assert.ThrowsAsync<KeeperException>(() => client.CreateAsync("/ro-write", null))).Code);
        Assert.Equal(ErrorCode.NotReadOnly, (await Assert.ThrowsAsync<KeeperException>(() => client.SetDataAsync("/ro", null))).Code);
        Assert.Equal("kept", Encoding.UTF8.GetString((await client.GetDataAsync("/ro")).Data!));
    }

    [Fact]
    public async Task When_the_quorum_returns_read_only_sessions_are_closed_and_the_member_serves_writes()
    {
        await using var ensemble = TestEnsemble.Create(realElection: true, readOnlyMode: true);
        ensemble.Start(1);
        var port = ensemble.ClientPort(1);
        await Eventually.AssertAsync(async () =>
            Assert.Contains("Mode: read-only\n", await RawConnection.FourLetterWordAsync(port, "srvr")), TestEnsemble.Bound);
        await using var readOnly = await ZkClient.ConnectAsync("127.0.0.1", port, readOnly: true);
        Assert.True(readOnly.IsReadOnly);

        ensemble.Start(2);
        await readOnly.Closed.WaitAsync(TestEnsemble.Bound);
        await ensemble.AwaitServingAsync(1);
        await using var client = await ZkClient.ConnectAsync("127.0.0.1", port, readOnly: true);
        Assert.False(client.IsReadOnly);
        await client.CreateAsync("/after", null);
    }
}
