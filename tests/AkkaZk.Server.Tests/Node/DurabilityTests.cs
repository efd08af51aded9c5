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
}
