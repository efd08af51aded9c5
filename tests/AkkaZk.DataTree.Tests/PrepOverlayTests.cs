using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

/// <summary>Prep sees writes prepared but not yet applied (ZooKeeper's outstandingChanges).</summary>
public sealed class PrepOverlayTests
{
    [Fact]
    public void Create_parent_then_child_before_applying_either()
    {
        var h = new Harness();
        var a = h.PrepOnly(Harness.CreateOp("/a"));
        var b = h.PrepOnly(Harness.CreateOp("/a/b"));
        Assert.Equal(OpCode.Create, a.Header.Type);
        Assert.Equal(OpCode.Create, b.Header.Type);
        Assert.Equal(1, Assert.IsType<CreateTxn>(b.Body).ParentCVersion);
        Assert.Equal(ErrorCode.NodeExists, Harness.ErrOf(h.PrepOnly(Harness.CreateOp("/a"))));
        Assert.Equal(ErrorCode.NotEmpty, Harness.ErrOf(h.PrepOnly(new PrepOp.Delete("/a", -1))));
        h.Apply(a);
        h.Apply(b);
        Assert.NotNull(h.Tree.StatOf("/a/b"));
    }

    [Fact]
    public void Versions_advance_across_pending_set_data()
    {
        var h = new Harness();
        h.Create("/v");
        var first = h.PrepOnly(new PrepOp.SetData("/v", [1], 0));
        var second = h.PrepOnly(new PrepOp.SetData("/v", [2], 1));
        Assert.Equal(ErrorCode.BadVersion, Harness.ErrOf(h.PrepOnly(new PrepOp.SetData("/v", [3], 1))));
        var third = h.PrepOnly(new PrepOp.SetData("/v", [3], -1));
        Assert.Equal([1, 2, 3], new[] { first, second, third }.Select(t => Assert.IsType<SetDataTxn>(t.Body).Version));
        var acl = h.PrepOnly(new PrepOp.SetAcl("/v", Acl.ReadAclUnsafe, 0));
        Assert.Equal(1, Assert.IsType<SetAclTxn>(acl.Body).Version);
        // The pending READ-only ACL already denies WRITE to the next request.
        Assert.Equal(ErrorCode.NoAuth, Harness.ErrOf(h.PrepOnly(new PrepOp.SetData("/v", [4], -1))));
        foreach (var txn in new[] { first, second, third, acl }) h.Apply(txn);
        Assert.Equal(3, h.Stat("/v").Version);
        Assert.Equal(1, h.Stat("/v").Aversion);
    }

    [Fact]
    public void Sequential_numbers_across_pending_creates_and_deletes()
    {
        var h = new Harness();
        h.Create("/q");
        var t1 = h.PrepOnly(Harness.CreateOp("/q/n-", flags: 2));
        var t2 = h.PrepOnly(Harness.CreateOp("/q/n-", flags: 2));
        var d1 = h.PrepOnly(new PrepOp.Delete("/q/n-0000000000", -1));
        var t3 = h.PrepOnly(Harness.CreateOp("/q/n-", flags: 2));
        Assert.Equal(
            ["/q/n-0000000000", "/q/n-0000000001", "/q/n-0000000002"],
            new[] { t1, t2, t3 }.Select(t => Assert.IsType<CreateTxn>(t.Body).Path));
        Assert.Equal(OpCode.Delete, d1.Header.Type);
        foreach (var txn in new[] { t1, t2, d1, t3 }) h.Apply(txn);
        Assert.Equal(ErrorCode.Ok, h.Tree.GetChildren("/q", null, [], out var children, out var stat));
        Assert.Equal(["n-0000000001", "n-0000000002"], children.Order(StringComparer.Ordinal));
        Assert.Equal(3 * 2 - 2, stat.Cversion);
    }

    [Fact]
    public void Pending_delete_hides_the_node_and_pending_ephemeral_blocks_children()
    {
        var h = new Harness();
        h.Create("/d");
        h.PrepOnly(new PrepOp.Delete("/d", -1));
        Assert.Equal(ErrorCode.NoNode, Harness.ErrOf(h.PrepOnly(new PrepOp.SetData("/d", null, -1))));
        Assert.Equal(ErrorCode.NoNode, Harness.ErrOf(h.PrepOnly(Harness.CreateOp("/d/x"))));
        Assert.Equal(ErrorCode.Ok, Harness.ErrOf(h.PrepOnly(Harness.CreateOp("/d"))));

        h.PrepOnly(Harness.CreateOp("/e", flags: 1), session: 4);
        Assert.Equal(ErrorCode.NoChildrenForEphemerals, Harness.ErrOf(h.PrepOnly(Harness.CreateOp("/e/x"))));
    }

    [Fact]
    public void Applied_drops_records_up_to_the_zxid_and_reset_drops_everything()
    {
        var h = new Harness();
        var a = h.PrepOnly(Harness.CreateOp("/a"));     // 2 records
        var b = h.PrepOnly(Harness.CreateOp("/b"));     // 2 records
        Assert.Equal(4, h.Prep.PendingCount);
        h.Tree.ProcessTxn(a);
        h.Prep.Applied(a.Zxid);
        Assert.Equal(2, h.Prep.PendingCount);
        // Still visible through the remaining record for the root.
        Assert.Equal(3, Assert.IsType<CreateTxn>(h.PrepOnly(Harness.CreateOp("/c")).Body).ParentCVersion);
        h.Prep.Reset();
        Assert.Equal(0, h.Prep.PendingCount);
        // Without the overlay, /b (never applied) does not exist.
        Assert.Equal(ErrorCode.NoNode, Harness.ErrOf(h.PrepOnly(new PrepOp.SetData("/b", null, -1))));
        Assert.Equal(ErrorCode.Ok, h.Apply(b).Err);
    }

    [Fact]
    public void Root_alias_and_empty_key_share_pending_state()
    {
        var h = new Harness();
        var acl = h.PrepOnly(new PrepOp.SetAcl("/", Acl.ReadAclUnsafe, -1));
        Assert.Equal(OpCode.SetAcl, acl.Header.Type);
        // The pending READ-only root ACL denies CREATE under the root before it is applied.
        Assert.Equal(ErrorCode.NoAuth, Harness.ErrOf(h.PrepOnly(Harness.CreateOp("/x"))));
    }

    [Fact]
    public void Failed_single_write_leaves_no_pending_change()
    {
        var h = new Harness();
        h.PrepOnly(Harness.CreateOp("/a", flags: 9));
        h.PrepOnly(new PrepOp.Delete("/nothing", -1));
        Assert.Equal(0, h.Prep.PendingCount);
    }
}
