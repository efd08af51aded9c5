using AkkaZk.Server.Tests.Support;

namespace AkkaZk.Server.Tests.Network;

/// <summary>zookeeper.maxCnxns: past the total, a connection is accepted and closed at once with no data.</summary>
public sealed class ConnectionLimitTests
{
    [Fact]
    public async Task A_connection_past_max_cnxns_is_closed_at_once()
    {
        await using var node = await TestNode.StartAsync(configure: s => s with { Ingress = s.Ingress with { MaxCnxns = 2 } });
        await using var first = await node.ConnectAsync();
        await using var second = await node.ConnectAsync();
        using var third = await RawConnection.OpenAsync(node.Port);
        await third.SendConnectAsync();
        Assert.Null(await third.ReadFrameAsync());
        Assert.Equal(1, node.Stats.Metrics.ConnectionRejected.Value);
        Assert.NotNull(await first.ExistsAsync("/"));
    }
}
