using System.Text;
using AkkaZk.Server.Tests.Support;

namespace AkkaZk.Server.Tests.Node;

public sealed class DurabilityTests
{
    [Fact]
    public async Task Acknowledged_writes_are_there_after_a_restart()
    {
        var node = await TestNode.StartAsync();
        try
        {
            await using (var client = await node.ConnectAsync())
            {
                await client.CreateAsync("/d", null);
                var creates = Enumerable.Range(0, 300).Select(i => client.CreateAsync($"/d/n{i}", Encoding.UTF8.GetBytes($"v{i}")));
                await Task.WhenAll(creates);
            }
            node = await node.RestartAsync();
            await using var again = await node.ConnectAsync();
            var children = await again.GetChildrenAsync("/d");
            Assert.Equal(300, children.Count);
            var (data, _) = await again.GetDataAsync("/d/n299");
            Assert.Equal("v299", Encoding.UTF8.GetString(data!));
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task Snapshots_taken_while_writing_are_complete_and_restart_from_them()
    {
        // snapCount 20: a snapshot every 10–20 txns, each written in the background while creates go on.
        var node = await TestNode.StartAsync(configure: s => s with
        {
            Tree = s.Tree with { Journal = s.Tree.Journal with { SnapCount = 20 } },
        });
        try
        {
            await using (var client = await node.ConnectAsync())
            {
                await client.CreateAsync("/s", null);
                await Task.WhenAll(Enumerable.Range(0, 300).Select(i => client.CreateAsync($"/s/n{i}", Encoding.UTF8.GetBytes($"v{i}"))));
            }
            node = await node.RestartAsync();
            var files = Directory.GetFiles(node.DataDir, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
            Assert.Contains(files, f => f!.StartsWith("snapshot.", StringComparison.Ordinal) && !f.EndsWith(".tmp", StringComparison.Ordinal));
            Assert.DoesNotContain(files, f => f!.EndsWith(".tmp", StringComparison.Ordinal));
            await using var again = await node.ConnectAsync();
            Assert.Equal(300, (await again.GetChildrenAsync("/s")).Count);
            var (data, _) = await again.GetDataAsync("/s/n299");
            Assert.Equal("v299", Encoding.UTF8.GetString(data!));
        }
        finally
        {
            await node.DisposeAsync();
        }
    }
}
