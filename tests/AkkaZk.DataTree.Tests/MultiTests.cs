using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

public sealed class MultiTests
{
    [Fact]
    public void Failed_multi_txn_has_real_ops_then_code_then_runtime_inconsistency()
    {
        var h = new Harness();
        var ctx = h.Next(session: 3, cxid: 11);
        var txn = h.Prep.PrepareMulti(ctx,
        [
            Harness.CreateOp("/a"),
            Harness.CreateOp("/b", opCode: OpCode.Create2),
            new PrepOp.Delete("/missing", -1),
            new PrepOp.SetData("/a", [1], -1),
        ]);
        Assert.Equal(new TxnHeader(3, 11, ctx.Zxid, ctx.Time, OpCode.Multi), txn.Header);
        var subs = Assert.IsType<MultiTxn>(txn.Body).Txns;
        Assert.Equal([OpCode.Create, OpCode.Create2, OpCode.Error, OpCode.Error], subs.Select(s => s.Type));
        Assert.Equal(new ErrorTxn((int)ErrorCode.NoNode), subs[2].Body);
        Assert.Equal(new ErrorTxn((int)ErrorCode.RuntimeInconsistency), subs[3].Body);

        var result = h.Apply(txn);
        Assert.Equal(OpCode.Multi, result.Type);
        Assert.Equal(ErrorCode.NoNode, result.Err);
        Assert.Equal(
            [(OpCode.Error, ErrorCode.Ok), (OpCode.Error, ErrorCode.Ok), (OpCode.Error, ErrorCode.NoNode), (OpCode.Error, ErrorCode.RuntimeInconsistency)],
            result.MultiResults!.Select(r => (r.Type, r.Err)));
        Assert.Null(h.Tree.StatOf("/a"));
        Assert.Null(h.Tree.StatOf("/b"));
        Assert.Equal(5, h.Tree.NodeCount);
        Assert.Equal(ctx.Zxid, h.Tree.LastProcessedZxid);
    }

    [Fact]
    public void Successful_multi_applies_all_and_later_ops_see_earlier_ones()
    {
        var h = new Harness();
        var watcher = new RecordingWatcher();
        h.Tree.Exists("/a/b", watcher, Harness.NoAuth, out _);
        var result = h.Multi(
            Harness.CreateOp("/a"),
            Harness.CreateOp("/a/b", "x", opCode: OpCode.Create2),
            new PrepOp.SetData("/a/b", [9], 0),
            new PrepOp.Check("/a/b", 1),
            Harness.CreateOp("/a/s", flags: 2));
        Assert.Equal(ErrorCode.Ok, result.Err);
        var subs = result.MultiResults!;
        Assert.Equal([OpCode.Create, OpCode.Create2, OpCode.SetData, OpCode.Check, OpCode.Create], subs.Select(r => r.Type));
        Assert.Equal(["/a", "/a/b", "/a/b", "/a/b", "/a/s0000000001"], subs.Select(r => r.Path));
        Assert.Null(subs[0].Stat);
        Assert.Equal(1, subs[1].Stat!.Value.Czxid);
        Assert.Equal(1, subs[2].Stat!.Value.Version);
        Assert.True(subs.All(r => r.Zxid == 1 && r.Cxid == 7));
        Assert.Equal([new WatchedEvent(EventType.NodeCreated, "/a/b")], watcher.Events);
    }

    [Fact]
    public void Apply_converts_real_sub_txns_when_any_is_an_error()
    {
        var tree = new DataTree();
        var multi = new MultiTxn(
        [
            new SubTxn(OpCode.Create, new CreateTxn("/x", null, Acl.OpenAclUnsafe, false, 1)),
            new SubTxn(OpCode.Error, new ErrorTxn((int)ErrorCode.BadVersion)),
            new SubTxn(OpCode.Delete, new DeleteTxn("/zookeeper")),
        ]);
        var result = tree.ProcessTxn(new Txn(new TxnHeader(1, 2, 3, 4, OpCode.Multi), multi));
        Assert.Equal(ErrorCode.BadVersion, result.Err);
        Assert.Equal([ErrorCode.Ok, ErrorCode.BadVersion, ErrorCode.RuntimeInconsistency], result.MultiResults!.Select(r => r.Err));
        Assert.Null(tree.StatOf("/x"));
        Assert.NotNull(tree.StatOf("/zookeeper"));
    }

    [Fact]
    public void Empty_multi_is_a_txn()
    {
        var h = new Harness();
        var txn = h.Prep.PrepareMulti(h.Next(), []);
        Assert.Equal(OpCode.Multi, txn.Header.Type);
        Assert.Empty(Assert.IsType<MultiTxn>(txn.Body).Txns);
        var result = h.Apply(txn);
        Assert.Equal(ErrorCode.Ok, result.Err);
        Assert.Empty(result.MultiResults!);
    }

    [Fact]
    public void Failed_multi_rolls_back_its_pending_changes()
    {
        var h = new Harness();
        h.Create("/p");
        // A pending (unapplied) create that the failing multi must not disturb.
        var pending = h.PrepOnly(Harness.CreateOp("/p/s", flags: 2));
        Assert.Equal("/p/s0000000000", Assert.IsType<CreateTxn>(pending.Body).Path);

        var failed = h.Prep.PrepareMulti(h.Next(),
        [
            Harness.CreateOp("/p/s", flags: 2),     // would be 0000000001
            Harness.CreateOp("/p/m"),
            new PrepOp.Delete("/nothing", -1),
        ]);
        Assert.Equal("/p/s0000000001", Assert.IsType<CreateTxn>(Assert.IsType<MultiTxn>(failed.Body).Txns[0].Body).Path);

        // After the rollback the sequence continues from the pending create, and /p/m does not exist.
        var next = h.PrepOnly(Harness.CreateOp("/p/s", flags: 2));
        Assert.Equal("/p/s0000000001", Assert.IsType<CreateTxn>(next.Body).Path);
        Assert.Equal(ErrorCode.NoNode, Harness.ErrOf(h.PrepOnly(new PrepOp.SetData("/p/m", null, -1))));
        Assert.Equal(ErrorCode.NodeExists, Harness.ErrOf(h.PrepOnly(Harness.CreateOp("/p/s0000000000"))));

        h.Apply(pending);
        h.Apply(failed);
        var applied = h.Apply(next);
        Assert.Equal("/p/s0000000001", applied.Path);
        Assert.Equal(0, h.Prep.PendingCount);
    }

    [Fact]
    public void Multi_delete_then_create_same_path()
    {
        var h = new Harness();
        h.Create("/a", "old");
        var result = h.Multi(new PrepOp.Delete("/a", 0), Harness.CreateOp("/a", "new"));
        Assert.Equal(ErrorCode.Ok, result.Err);
        Assert.Equal(0, h.Stat("/a").Version);
        Assert.Equal(2, h.Stat("/a").Czxid);
    }

    [Fact]
    public void Multi_createTTL_sub_op_with_a_non_TTL_flag_is_a_plain_create_without_the_ttl()
    {
        // As ZooKeeper's MultiOperationRecord (3.8.0 to 3.8.6): Op.create(path, data, acl, flags, ttl) keeps the
        // ttl only for a TTL flag; otherwise it builds a plain Create (type 1, or 19 for the container flag).
        var h = new Harness(new PrepSettings { ExtendedTypesEnabled = true });
        var result = h.Multi(
            new PrepOp.Create(OpCode.CreateTtl, "/p", null, Acl.OpenAclUnsafe, (int)CreateMode.Persistent, 5000),
            new PrepOp.Create(OpCode.CreateTtl, "/c", null, Acl.OpenAclUnsafe, (int)CreateMode.Container, 5000),
            new PrepOp.Create(OpCode.CreateTtl, "/t", null, Acl.OpenAclUnsafe, (int)CreateMode.PersistentWithTtl, 5000));
        Assert.Equal(ErrorCode.Ok, result.Err);
        Assert.Equal([OpCode.Create, OpCode.CreateContainer, OpCode.CreateTtl], result.MultiResults!.Select(r => r.Type));
        Assert.Contains("/c", h.Tree.Containers);
        Assert.DoesNotContain("/p", h.Tree.Containers);
        Assert.Contains("/t", h.Tree.Ttls);
        Assert.DoesNotContain("/p", h.Tree.Ttls);
    }

    [Fact]
    public void Multi_create_sub_op_with_a_TTL_flag_and_no_ttl_is_BadArguments_at_that_op()
    {
        // ZooKeeper 3.8.6: a create sub-op (CreateRequest, no ttl) with a TTL flag becomes a createTTL with ttl -1,
        // which fails validation. (3.8.0 casts the CreateRequest to CreateTTLRequest and fails the whole multi with
        // MarshallingError, a bug.)
        var h = new Harness(new PrepSettings { ExtendedTypesEnabled = true });
        var result = h.Multi(
            Harness.CreateOp("/a"),
            new PrepOp.Create(OpCode.CreateTtl, "/b", null, Acl.OpenAclUnsafe, (int)CreateMode.PersistentWithTtl),
            Harness.CreateOp("/c"));
        Assert.Equal(
            [ErrorCode.Ok, ErrorCode.BadArguments, ErrorCode.RuntimeInconsistency],
            result.MultiResults!.Select(r => r.Err));
        Assert.Null(h.Tree.StatOf("/a"));
    }
}
