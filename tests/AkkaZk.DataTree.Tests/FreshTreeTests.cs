using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

public sealed class FreshTreeTests
{
    private static readonly IReadOnlyList<Id> NoAuth = [];

    [Fact]
    public void Fresh_tree_counts_root_alias_and_system_nodes()
    {
        var tree = new DataTree();
        Assert.Equal(5, tree.NodeCount);
        Assert.Equal(0, tree.EphemeralCount);
        Assert.Empty(tree.SessionsWithTimeouts);
        Assert.Equal(0, tree.LastProcessedZxid);
        // "" 0 + "/" 1 + "/zookeeper" 10 + "/zookeeper/quota" 16 + "/zookeeper/config" 17, all data empty.
        Assert.Equal(44, tree.ApproximateDataSize);
        Assert.Equal(1, tree.AclCacheSize);
    }

    [Fact]
    public void Root_and_zookeeper_show_negative_visible_cversion()
    {
        var tree = new DataTree();
        Assert.Equal(ErrorCode.Ok, tree.GetChildren("/", null, NoAuth, out var rootChildren, out var root));
        Assert.Equal(["zookeeper"], rootChildren);
        Assert.Equal(new Stat(0, 0, 0, 0, 0, -1, 0, 0, 0, 1, 0), root);

        Assert.Equal(ErrorCode.Ok, tree.GetChildren("/zookeeper", null, NoAuth, out var zkChildren, out var zk));
        Assert.Equal(["config", "quota"], zkChildren.Order(StringComparer.Ordinal));
        Assert.Equal(new Stat(0, 0, 0, 0, 0, -2, 0, 0, 0, 2, 0), zk);

        Assert.Equal(ErrorCode.Ok, tree.GetData("", null, NoAuth, out var data, out var viaEmpty));
        Assert.Equal(root, viaEmpty);
        Assert.NotNull(data);
        Assert.Empty(data);
    }

    [Fact]
    public void Config_node_is_read_only_with_aversion_minus_one()
    {
        var tree = new DataTree();
        Assert.Equal(ErrorCode.Ok, tree.GetAcl("/zookeeper/config", NoAuth, out var acl, out var stat));
        Assert.Equal([new Acl(Perms.Read, Id.Anyone)], acl);
        Assert.Equal(-1, stat.Aversion);
        Assert.Equal(0, stat.Version);
        Assert.Equal(0, stat.DataLength);

        Assert.Equal(ErrorCode.Ok, tree.GetAcl("/zookeeper/quota", NoAuth, out var quotaAcl, out _));
        Assert.Equal(Acl.OpenAclUnsafe, quotaAcl);
    }

    [Fact]
    public void Reserved_nodes_cannot_be_deleted()
    {
        var h = new Harness();
        foreach (var path in new[] { "/", "/zookeeper", "/zookeeper/quota", "/zookeeper/config" })
            Assert.Equal(ErrorCode.BadArguments, h.Err(new PrepOp.Delete(path, -1)));
        Assert.Equal(5, h.Tree.NodeCount);
    }

    [Fact]
    public void Config_node_rejects_writes_from_world()
    {
        var h = new Harness();
        Assert.Equal(ErrorCode.NoAuth, h.Err(new PrepOp.SetData("/zookeeper/config", [1], -1)));
        Assert.Equal(ErrorCode.NoAuth, h.Err(Harness.CreateOp("/zookeeper/config/x")));
        Assert.Equal(ErrorCode.Ok, h.Err(Harness.CreateOp("/zookeeper/x")));
        Assert.Equal(ErrorCode.Ok, h.Err(Harness.CreateOp("/zookeeper/quota/y")));
    }
}
