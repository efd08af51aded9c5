using AkkaZk.Client;
using AkkaZk.DataTree;
using AkkaZk.Jute;
using AkkaZk.Server.Tests.Support;
using AkkaZk.Server.Tree;

namespace AkkaZk.Server.Tests.Tree;

/// <summary>The container/TTL manager on a running node, checking every 100 ms.</summary>
public sealed class ContainerManagerTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(configure: s => s with
    {
        Tree = s.Tree with
        {
            Prep = new PrepSettings(ExtendedTypesEnabled: true),
            Journal = s.Tree.Journal with { ExtendedTypesEnabled = true },
            Containers = new ContainerSettings(CheckIntervalMs: 100),
        },
    });

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task An_emptied_container_is_deleted_and_a_never_used_one_is_kept()
    {
        await using var client = await _node.ConnectAsync();
        await CreateAsync(client, OpCode.CreateContainer, new CreateRequest("/unused", null, Acl.OpenAclUnsafe.ToList(), (int)CreateMode.Container));
        await CreateAsync(client, OpCode.CreateContainer, new CreateRequest("/used", null, Acl.OpenAclUnsafe.ToList(), (int)CreateMode.Container));
        await client.CreateAsync("/used/child", null);
        Assert.NotNull(await client.ExistsAsync("/used", watch: true));
        await client.DeleteAsync("/used/child");

        await AwaitDeletedAsync(client, "/used");
        // The pass that removed /used saw /unused too (cversion 0, maxNeverUsedIntervalMs 0): it stays.
        Assert.NotNull(await client.ExistsAsync("/unused"));
    }

    [Fact]
    public async Task A_ttl_node_is_deleted_once_its_ttl_has_passed_since_its_last_change()
    {
        await using var client = await _node.ConnectAsync();
        var reply = await client.SendAsync(OpCode.CreateTtl,
            // 3 s: long enough that a loaded machine still sets the watch below before the node expires.
            new CreateTtlRequest("/ttl", null, Acl.OpenAclUnsafe.ToList(), (int)CreateMode.PersistentWithTtl, 3000));
        Assert.Equal(ErrorCode.Ok, reply.Err);
        Assert.NotNull(await client.ExistsAsync("/ttl", watch: true));
        await AwaitDeletedAsync(client, "/ttl");
    }

    [Fact]
    public async Task The_deletion_is_a_txn_that_takes_a_zxid()
    {
        await using var client = await _node.ConnectAsync();
        await CreateAsync(client, OpCode.CreateContainer, new CreateRequest("/c", null, Acl.OpenAclUnsafe.ToList(), (int)CreateMode.Container));
        await client.CreateAsync("/c/x", null);
        Assert.NotNull(await client.ExistsAsync("/c", watch: true));
        var deleted = (await client.SendAsync(OpCode.Delete, new DeleteRequest("/c/x", -1))).Header.Zxid;
        await AwaitDeletedAsync(client, "/c");
        var after = (await client.SendAsync(OpCode.Exists, new ExistsRequest("/c", false))).Header.Zxid;
        Assert.Equal(deleted + 1, after);
    }

    [Fact]
    public async Task A_recovered_ttl_node_is_not_taken_for_an_ephemeral()
    {
        await using (var client = await _node.ConnectAsync())
        {
            var reply = await client.SendAsync(OpCode.CreateTtl,
                new CreateTtlRequest("/kept", null, Acl.OpenAclUnsafe.ToList(), (int)CreateMode.PersistentWithTtl, 3_600_000));
            Assert.Equal(ErrorCode.Ok, reply.Err);
        }
        _node = await _node.RestartAsync();
        await using var again = await _node.ConnectAsync();
        Assert.Equal(0, (await again.ExistsAsync("/kept"))!.Value.EphemeralOwner);
        Assert.Contains("zk_ephemerals_count\t0\n", await RawConnection.FourLetterWordAsync(_node.Port, "mntr"));
    }

    private static async Task CreateAsync(ZkClient client, int opCode, IRequestRecord request) =>
        Assert.Equal(ErrorCode.Ok, (await client.SendAsync(opCode, request)).Err);

    private static async Task AwaitDeletedAsync(ZkClient client, string path)
    {
        var e = await client.Events.ReadAsync().AsTask().WaitAsync(Bound);
        Assert.Equal((int)EventType.NodeDeleted, e.Type);
        Assert.Equal(path, e.Path);
        Assert.Null(await client.ExistsAsync(path));
    }
}
