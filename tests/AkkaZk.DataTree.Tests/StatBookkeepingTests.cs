using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

public sealed class StatBookkeepingTests
{
    [Fact]
    public void Create_sets_all_zxids_and_times_and_bumps_parent()
    {
        var h = new Harness { Time = 5000 };
        h.Create("/p");                     // zxid 1, time 5000
        var result = h.Create("/p/c", "hello"); // zxid 2, time 5001
        Assert.Equal(new Stat(2, 2, 5001, 5001, 0, 0, 0, 0, 5, 0, 2), result.Stat);
        Assert.Equal("/p/c", result.Path);
        Assert.Equal(OpCode.Create2, result.Type);
        // Parent: persisted cversion 1, one child → visible 1; pzxid 2; mzxid/mtime/version unchanged.
        Assert.Equal(new Stat(1, 1, 5000, 5000, 0, 1, 0, 0, 0, 1, 2), h.Stat("/p"));
        // Root: persisted cversion 1 with two children (zookeeper, p) → visible 0.
        var root = h.Stat("/");
        Assert.Equal((0, 2, 1L, 0L), (root.Cversion, root.NumChildren, root.Pzxid, root.Mzxid));
    }

    [Fact]
    public void Plain_create_result_has_no_stat()
    {
        var h = new Harness();
        var result = h.Create("/a", opCode: OpCode.Create);
        Assert.Equal(ErrorCode.Ok, result.Err);
        Assert.Null(result.Stat);
        Assert.Equal("/a", result.Path);
    }

    [Fact]
    public void SetData_updates_version_mzxid_mtime_only()
    {
        var h = new Harness { Time = 100 };
        h.Create("/a", "x");          // zxid 1, t 100
        var result = h.SetData("/a", "longer"); // zxid 2, t 101
        Assert.Equal(new Stat(1, 2, 100, 101, 1, 0, 0, 0, 6, 0, 1), result.Stat);
        Assert.Equal("/a", result.Path);
        Assert.Equal(result.Stat, h.Stat("/a"));
        Assert.Equal(ErrorCode.Ok, h.Tree.GetData("/a", null, Harness.NoAuth, out var data, out _));
        Assert.Equal("longer"u8.ToArray(), data);
    }

    [Fact]
    public void SetAcl_changes_only_aversion()
    {
        var h = new Harness { Time = 100 };
        h.Create("/a");
        var result = h.Run(new PrepOp.SetAcl("/a", Acl.ReadAclUnsafe, -1));
        Assert.Equal(new Stat(1, 1, 100, 100, 0, 0, 1, 0, 0, 0, 1), result.Stat);
        Assert.Equal(ErrorCode.Ok, h.Tree.GetAcl("/a", Harness.NoAuth, out var acl, out _));
        Assert.Equal(Acl.ReadAclUnsafe, acl);
    }

    [Fact]
    public void Delete_raises_parent_pzxid_and_visible_cversion_but_not_persisted()
    {
        var h = new Harness();
        h.Create("/p");       // 1
        h.Create("/p/a");     // 2
        h.Create("/p/b");     // 3
        Assert.Equal(2, h.Stat("/p").Cversion);   // 2*2 - 2
        var result = h.Delete("/p/a");          // 4
        Assert.Equal(ErrorCode.Ok, result.Err);
        Assert.Equal("/p/a", result.Path);
        Assert.Null(result.Stat);
        var parent = h.Stat("/p");
        Assert.Equal((3, 1, 4L), (parent.Cversion, parent.NumChildren, parent.Pzxid));   // 2*2 - 1
        // The next sequential name still follows the persisted count of creates (2).
        Assert.Equal("/p/s0000000002", h.Create("/p/s", flags: 2).Path);
    }

    [Fact]
    public void Sequential_names_follow_persisted_cversion_across_deletes()
    {
        var h = new Harness();
        h.Create("/q");
        Assert.Equal("/q/s-0000000000", h.Create("/q/s-", flags: 2).Path);
        Assert.Equal("/q/s-0000000001", h.Create("/q/s-", flags: 3).Path);
        h.Delete("/q/s-0000000000");
        h.Delete("/q/s-0000000001");
        Assert.Equal("/q/0000000002", h.Create("/q/", flags: 2).Path);
        h.Create("/q/plain");
        Assert.Equal("/q/x0000000004", h.Create("/q/x", flags: 2).Path);
    }

    [Theory]
    [InlineData(0, "0000000000")]
    [InlineData(42, "0000000042")]
    [InlineData(int.MaxValue, "2147483647")]
    [InlineData(-5, "-000000005")]
    [InlineData(-123456789, "-123456789")]
    [InlineData(int.MinValue, "-2147483648")]
    public void Sequence_suffix_matches_java_format(int value, string expected) =>
        Assert.Equal(expected, SequenceSuffix.Format(value));

    [Fact]
    public void Sequence_at_max_cversion_wraps_only_in_pending_state()
    {
        var h = new Harness();
        h.Create("/w");
        // Replay a create carrying the maximal parent cversion, as a very long-lived parent would reach.
        h.Apply(new Txn(new TxnHeader(1, 1, h.Next().Zxid, 1, OpCode.Create),
            new CreateTxn("/w/big", null, Acl.OpenAclUnsafe, false, int.MaxValue)));
        var first = h.PrepOnly(new PrepOp.Create(OpCode.Create, "/w/s", null, Acl.OpenAclUnsafe, 2));
        var second = h.PrepOnly(new PrepOp.Create(OpCode.Create, "/w/s", null, Acl.OpenAclUnsafe, 2));
        Assert.Equal("/w/s2147483647", Assert.IsType<CreateTxn>(first.Body).Path);
        Assert.Equal(int.MinValue, Assert.IsType<CreateTxn>(first.Body).ParentCVersion);
        Assert.Equal("/w/s-2147483648", Assert.IsType<CreateTxn>(second.Body).Path);
        h.Apply(first);
        h.Apply(second);
        // Apply only moves cversion forward, so the wrapped value is never stored.
        Assert.Equal(unchecked(int.MaxValue * 2 - 3), h.Stat("/w").Cversion);
    }

    [Fact]
    public void Data_size_tracks_paths_and_data()
    {
        var h = new Harness();
        h.Create("/abc", "12345");
        Assert.Equal(44 + 4 + 5, h.Tree.ApproximateDataSize);
        h.SetData("/abc", "1");
        Assert.Equal(44 + 4 + 1, h.Tree.ApproximateDataSize);
        h.Delete("/abc");
        Assert.Equal(44, h.Tree.ApproximateDataSize);
        Assert.Equal(5, h.Tree.NodeCount);
    }

    [Fact]
    public void All_children_number_counts_descendants()
    {
        var h = new Harness();
        h.Create("/a");
        h.Create("/a/b");
        h.Create("/a/b/c");
        h.Create("/a/d");
        Assert.Equal(ErrorCode.Ok, h.Tree.GetAllChildrenNumber("/a", Harness.NoAuth, out var count));
        Assert.Equal(3, count);
        Assert.Equal(ErrorCode.Ok, h.Tree.GetAllChildrenNumber("/", Harness.NoAuth, out var all));
        Assert.Equal(h.Tree.NodeCount - 2, all);   // includes /zookeeper, quota and config
        Assert.Equal(ErrorCode.NoNode, h.Tree.GetAllChildrenNumber("/a/", Harness.NoAuth, out _));
        Assert.Equal(ErrorCode.Ok, h.Tree.GetAllChildrenNumber("/a/b/c", Harness.NoAuth, out var leaf));
        Assert.Equal(0, leaf);
    }

    [Fact]
    public void Last_processed_zxid_never_moves_back()
    {
        var h = new Harness();
        h.Tree.ProcessTxn(new Txn(new TxnHeader(1, 1, 10, 1, OpCode.Error), new ErrorTxn(-110)));
        h.Tree.ProcessTxn(new Txn(new TxnHeader(1, 1, 4, 1, OpCode.Error), new ErrorTxn(-110)));
        Assert.Equal(10, h.Tree.LastProcessedZxid);
    }
}
