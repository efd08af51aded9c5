using System.Text;
using AkkaZk.Client;
using AkkaZk.Jute;
using AkkaZk.Server.Tests.Support;

namespace AkkaZk.Server.Tests.Node;

public sealed class BasicOperationsTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync();
    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Create_get_set_delete_follow_zookeeper_stat_rules()
    {
        await using var client = await _node.ConnectAsync();
        Assert.Equal("/a", await client.CreateAsync("/a", "one"u8.ToArray()));
        var (data, stat) = await client.GetDataAsync("/a");
        Assert.Equal("one", Encoding.UTF8.GetString(data!));
        Assert.Equal(stat.Czxid, stat.Mzxid);
        Assert.Equal(0, stat.Version);
        Assert.Equal(3, stat.DataLength);

        var after = await client.SetDataAsync("/a", "two"u8.ToArray(), 0);
        Assert.Equal(1, after.Version);
        Assert.True(after.Mzxid > stat.Mzxid);
        var bad = await Assert.ThrowsAsync<KeeperException>(() => client.SetDataAsync("/a", null, 0));
        Assert.Equal(ErrorCode.BadVersion, bad.Code);

        await client.CreateAsync("/a/b", null);
        var notEmpty = await Assert.ThrowsAsync<KeeperException>(() => client.DeleteAsync("/a"));
        Assert.Equal(ErrorCode.NotEmpty, notEmpty.Code);
        await client.DeleteAsync("/a/b");
        await client.DeleteAsync("/a");
        Assert.Null(await client.ExistsAsync("/a"));
    }

    [Fact]
    public async Task Sequential_nodes_are_numbered_from_the_parents_cversion()
    {
        await using var client = await _node.ConnectAsync();
        await client.CreateAsync("/q", null);
        Assert.Equal("/q/n-0000000000", await client.CreateAsync("/q/n-", null, CreateMode.PersistentSequential));
        Assert.Equal("/q/n-0000000001", await client.CreateAsync("/q/n-", null, CreateMode.PersistentSequential));
        await client.DeleteAsync("/q/n-0000000000");
        Assert.Equal("/q/n-0000000002", await client.CreateAsync("/q/n-", null, CreateMode.PersistentSequential));
    }

    [Fact]
    public async Task A_sessions_read_sees_its_own_pipelined_write()
    {
        await using var client = await _node.ConnectAsync();
        var write = client.SendAsync(OpCode.Create, new CreateRequest("/p", "x"u8.ToArray(), Acl.OpenAclUnsafe.ToList(), 0));
        var read = client.SendAsync(OpCode.GetData, new GetDataRequest("/p", false));
        Assert.Equal(ErrorCode.Ok, (await write).Err);
        Assert.Equal(ErrorCode.Ok, (await read).Err);
    }

    [Fact]
    public async Task A_watch_event_arrives_before_the_reply_that_shows_the_change()
    {
        await using var watcher = await _node.ConnectAsync();
        await using var writer = await _node.ConnectAsync();
        await writer.CreateAsync("/w", "0"u8.ToArray());
        await watcher.GetDataAsync("/w", watch: true);
        await writer.SetDataAsync("/w", "1"u8.ToArray());
        // The next read on the watching session must come after the event, since it can show the new data.
        var (data, _) = await watcher.GetDataAsync("/w");
        Assert.Equal("1", Encoding.UTF8.GetString(data!));
        Assert.True(watcher.Events.TryRead(out var e));
        Assert.Equal((int)EventType.NodeDataChanged, e!.Type);
        Assert.Equal("/w", e.Path);
    }

    [Fact]
    public async Task A_failed_write_still_consumes_a_zxid_as_zookeeper_does()
    {
        await using var client = await _node.ConnectAsync();
        await client.CreateAsync("/z", null);
        var first = await client.SendAsync(OpCode.Create, new CreateRequest("/z", null, Acl.OpenAclUnsafe.ToList(), 0));
        Assert.Equal(ErrorCode.NodeExists, first.Err);
        var next = await client.SendAsync(OpCode.Create, new CreateRequest("/z2", null, Acl.OpenAclUnsafe.ToList(), 0));
        Assert.Equal(first.Header.Zxid + 1, next.Header.Zxid);
    }

    [Fact]
    public async Task Multi_reports_zookeepers_failure_fill()
    {
        await using var client = await _node.ConnectAsync();
        var reply = await client.SendAsync(OpCode.Multi, new MultiRequest([
            new MultiOp(OpCode.Create, new CreateRequest("/m1", null, Acl.OpenAclUnsafe.ToList(), 0)),
            new MultiOp(OpCode.Delete, new DeleteRequest("/missing", -1)),
            new MultiOp(OpCode.SetData, new SetDataRequest("/m1", null, -1)),
        ]));
        Assert.Equal(ErrorCode.Ok, reply.Err);
        var results = reply.As<MultiResponse>().Results;
        Assert.Equal([0, (int)ErrorCode.NoNode, (int)ErrorCode.RuntimeInconsistency], results.Select(r => r.HeaderErr));
        Assert.Null(await client.ExistsAsync("/m1"));
    }
}
