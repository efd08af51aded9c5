using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

/// <summary>Apply errors are tolerated as in DataTree.processTxn (QUORUM 10.1).</summary>
public sealed class ReplayToleranceTests
{
    private static Txn T(long zxid, int type, ITxnBody body, long client = 1) => new(new TxnHeader(client, 1, zxid, 50, type), body);

    [Fact]
    public void Plain_create_node_exists_still_advances_parent()
    {
        var tree = new DataTree();
        tree.ProcessTxn(T(1, OpCode.Create, new CreateTxn("/a", null, Acl.OpenAclUnsafe, false, 1)));
        var result = tree.ProcessTxn(T(5, OpCode.Create, new CreateTxn("/a", [1], Acl.ReadAclUnsafe, false, 3)));
        Assert.Equal(ErrorCode.NodeExists, result.Err);
        Assert.Equal("/a", result.Path);
        var root = tree.StatOf("/")!.Value;
        Assert.Equal((5L, 2 * 3 - 2), (root.Pzxid, root.Cversion));
        // As 3.8.6, the existing node takes the replayed txn's ACL; the data is untouched.
        Assert.Equal(ErrorCode.Ok, tree.GetAcl("/a", [], out var acl, out var stat));
        Assert.Equal(Acl.ReadAclUnsafe, acl);
        Assert.Equal(0, stat.DataLength);
    }

    [Fact]
    public void Create2_node_exists_leaves_parent_alone()
    {
        var tree = new DataTree();
        tree.ProcessTxn(T(1, OpCode.Create2, new CreateTxn("/a", null, Acl.OpenAclUnsafe, false, 1)));
        var result = tree.ProcessTxn(T(5, OpCode.Create2, new CreateTxn("/a", null, Acl.OpenAclUnsafe, false, 3)));
        Assert.Equal(ErrorCode.NodeExists, result.Err);
        Assert.Null(result.Stat);
        Assert.Equal(1L, tree.StatOf("/")!.Value.Pzxid);
    }

    [Fact]
    public void Parent_cversion_and_pzxid_only_move_forward()
    {
        var tree = new DataTree();
        tree.ProcessTxn(T(9, OpCode.Create, new CreateTxn("/a", null, Acl.OpenAclUnsafe, false, 5)));
        tree.ProcessTxn(T(10, OpCode.Create, new CreateTxn("/b", null, Acl.OpenAclUnsafe, false, 2)));
        var root = tree.StatOf("/")!.Value;
        Assert.Equal((9L, 5 * 2 - 3), (root.Pzxid, root.Cversion));
        tree.ProcessTxn(T(3, OpCode.Delete, new DeleteTxn("/b")));
        Assert.Equal(9L, tree.StatOf("/")!.Value.Pzxid);
    }

    [Fact]
    public void Old_create_format_uses_parent_cversion_plus_one()
    {
        var tree = new DataTree();
        tree.ProcessTxn(T(1, OpCode.Create, new CreateTxn("/a", null, Acl.OpenAclUnsafe, false, -1)));
        tree.ProcessTxn(T(2, OpCode.Create, new CreateTxn("/b", null, Acl.OpenAclUnsafe, false, -1)));
        Assert.Equal(2 * 2 - 3, tree.StatOf("/")!.Value.Cversion);
    }

    [Fact]
    public void Delete_of_missing_child_still_moves_parent_pzxid()
    {
        var tree = new DataTree();
        tree.ProcessTxn(T(1, OpCode.Create, new CreateTxn("/a", null, Acl.OpenAclUnsafe, false, 1)));
        var result = tree.ProcessTxn(T(7, OpCode.Delete, new DeleteTxn("/a/gone")));
        Assert.Equal(ErrorCode.NoNode, result.Err);
        Assert.Equal(7L, tree.StatOf("/a")!.Value.Pzxid);
        Assert.Equal(ErrorCode.NoNode, tree.ProcessTxn(T(8, OpCode.Delete, new DeleteTxn("/x/y"))).Err);
        Assert.Equal(ErrorCode.NoNode, tree.ProcessTxn(T(9, OpCode.SetData, new SetDataTxn("/x", null, 1))).Err);
        Assert.Equal(ErrorCode.NoNode, tree.ProcessTxn(T(10, OpCode.SetAcl, new SetAclTxn("/x", Acl.OpenAclUnsafe, 1))).Err);
        Assert.Equal(ErrorCode.NoNode, tree.ProcessTxn(T(11, OpCode.Create, new CreateTxn("/x/y", null, Acl.OpenAclUnsafe, false, 1))).Err);
        Assert.Equal(11, tree.LastProcessedZxid);
    }

    [Fact]
    public void Reconfig_txn_sets_config_data()
    {
        var tree = new DataTree();
        var result = tree.ProcessTxn(T(3, OpCode.Reconfig, new SetDataTxn("/zookeeper/config", "server.1=a:1:2:participant"u8.ToArray(), -1)));
        Assert.Equal(ErrorCode.Ok, result.Err);
        Assert.Equal(-1, result.Stat!.Value.Version);
        Assert.Equal(3L, result.Stat.Value.Mzxid);
    }

    [Fact]
    public void Error_txn_reports_its_code()
    {
        var tree = new DataTree();
        var result = tree.ProcessTxn(new Txn(new TxnHeader(5, 6, 7, 8, OpCode.Error), new ErrorTxn(-101)));
        Assert.Equal(new ProcessTxnResult(5, 6, 7, OpCode.Error, ErrorCode.NoNode, null, null, null), result);
    }
}
