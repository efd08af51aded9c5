using AkkaZk.Server.Tests.Support;

namespace AkkaZk.Server.Tests.Node;

public sealed class FourLetterWordTests
{
    [Fact]
    public async Task Srvr_has_zookeepers_lines_in_order()
    {
        await using var node = await TestNode.StartAsync();
        var text = await RawConnection.FourLetterWordAsync(node.Port, "srvr");
        var keys = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':')[0]).ToArray();
        Assert.Equal(["Zookeeper version", "Latency min/avg/max", "Received", "Sent", "Connections", "Outstanding", "Zxid", "Mode", "Node count"], keys);
        Assert.Contains("Mode: standalone\n", text);
        Assert.Contains("Node count: 5\n", text);
        Assert.StartsWith("Zookeeper version: 3.8.0-", text);
    }

    [Fact]
    public async Task A_word_outside_the_whitelist_gets_zookeepers_answer()
    {
        await using var node = await TestNode.StartAsync(whitelist: new HashSet<string> { "srvr" });
        Assert.Equal("ruok is not executed because it is not in the whitelist.\n", await RawConnection.FourLetterWordAsync(node.Port, "ruok"));
        Assert.StartsWith("Zookeeper version:", await RawConnection.FourLetterWordAsync(node.Port, "srvr"));
    }

    [Fact]
    public async Task Mntr_starts_with_version_and_state()
    {
        await using var node = await TestNode.StartAsync();
        var lines = (await RawConnection.FourLetterWordAsync(node.Port, "mntr")).Split('\n');
        Assert.StartsWith("zk_version\t3.8.0-", lines[0]);
        Assert.Equal("zk_server_state\tstandalone", lines[1]);
        Assert.Contains("zk_znode_count\t5", lines);
    }
}
