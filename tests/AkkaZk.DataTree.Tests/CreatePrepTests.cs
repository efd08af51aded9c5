using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

public sealed class CreatePrepTests
{
    private static readonly Id Bob = new("digest", DigestAuthenticationProvider.GenerateDigest("bob:secret"));
    private static readonly IReadOnlyList<Acl> BobOnly = [new(Perms.All, Bob)];

    private static ErrorCode Create(Harness h, string path, int flags = 0, IReadOnlyList<Acl>? acl = null,
        int opCode = OpCode.Create, long ttl = -1, long session = 1, IReadOnlyList<Id>? auth = null) =>
        h.Err(new PrepOp.Create(opCode, path, null, acl ?? Acl.OpenAclUnsafe, flags, ttl), session, auth);

    [Fact]
    public void Failed_create_is_an_error_txn_that_consumes_the_zxid()
    {
        var h = new Harness();
        h.Create("/a");
        var ctx = h.Next(session: 0x42, cxid: 9);
        var txn = h.Prep.Prepare(ctx, Harness.CreateOp("/a"));
        Assert.Equal(new TxnHeader(0x42, 9, ctx.Zxid, ctx.Time, OpCode.Error), txn.Header);
        Assert.Equal(new ErrorTxn((int)ErrorCode.NodeExists), txn.Body);
        var result = h.Apply(txn);
        Assert.Equal(ErrorCode.NodeExists, result.Err);
        Assert.Equal(ctx.Zxid, h.Tree.LastProcessedZxid);
    }

    [Fact]
    public void Successful_create_txn_carries_parent_cversion_plus_one()
    {
        var h = new Harness();
        var ctx = h.Next(session: 5);
        var txn = h.Prep.Prepare(ctx, new PrepOp.Create(OpCode.Create2, "/a", [1, 2], Acl.OpenAclUnsafe, 1));
        Assert.Equal(OpCode.Create2, txn.Header.Type);
        var body = Assert.IsType<CreateTxn>(txn.Body);
        Assert.Equal("/a", body.Path);
        Assert.True(body.Ephemeral);
        Assert.Equal(1, body.ParentCVersion);
        Assert.Equal(Acl.OpenAclUnsafe, body.Acl);
    }

    [Fact]
    public void Unknown_flags_beat_everything()
    {
        var h = new Harness();
        Assert.Equal(ErrorCode.BadArguments, Create(h, "no-slash", flags: 7, acl: []));
        Assert.Equal(ErrorCode.BadArguments, Create(h, "/a", flags: -1));
    }

    [Fact]
    public void Ttl_without_extended_types_is_unimplemented_before_ttl_validity()
    {
        var h = new Harness();
        Assert.Equal(ErrorCode.Unimplemented, Create(h, "/a", flags: 5, opCode: OpCode.CreateTtl, ttl: -5));
        Assert.Equal(ErrorCode.Unimplemented, Create(h, "no-slash", flags: 6, opCode: OpCode.CreateTtl, ttl: 100));
    }

    [Fact]
    public void Ttl_validity_comes_before_path_checks()
    {
        var h = new Harness(new PrepSettings(ExtendedTypesEnabled: true));
        Assert.Equal(ErrorCode.BadArguments, Create(h, "/a", flags: 5, opCode: OpCode.CreateTtl, ttl: 0));
        Assert.Equal(ErrorCode.BadArguments, Create(h, "/a", flags: 5, opCode: OpCode.CreateTtl, ttl: 0x10000000000));
        // A non-TTL mode with a ttl >= 0.
        Assert.Equal(ErrorCode.BadArguments, Create(h, "/a", flags: 0, opCode: OpCode.CreateTtl, ttl: 10));
        // A plain create with a TTL flag has ttl -1.
        Assert.Equal(ErrorCode.BadArguments, Create(h, "/a", flags: 5, opCode: OpCode.Create));
        Assert.Equal(ErrorCode.Ok, Create(h, "/a", flags: 5, opCode: OpCode.CreateTtl, ttl: 0xFFFFFFFFFF));
    }

    [Fact]
    public void Path_for_create_then_acl_then_parent_then_auth()
    {
        var h = new Harness();
        h.Create("/locked", acl: BobOnly, auth: [Bob]);
        // No slash or a NUL: BadArguments even with an invalid ACL.
        Assert.Equal(ErrorCode.BadArguments, Create(h, "abc", acl: []));
        Assert.Equal(ErrorCode.BadArguments, Create(h, "/a\0b", acl: []));
        // InvalidACL before NoNode.
        Assert.Equal(ErrorCode.InvalidAcl, Create(h, "/missing/x", acl: []));
        // NoNode before NoAuth-free checks.
        Assert.Equal(ErrorCode.NoNode, Create(h, "/missing/x"));
        // NoAuth on the parent before the full path validation and NodeExists.
        Assert.Equal(ErrorCode.NoAuth, Create(h, "/locked/"));
        Assert.Equal(ErrorCode.NoAuth, Create(h, "/locked/x"));
        Assert.Equal(ErrorCode.Ok, Create(h, "/locked/x", auth: [Bob]));
    }

    [Fact]
    public void Full_validation_comes_after_parent_checks()
    {
        var h = new Harness();
        h.Create("/t2a");
        Assert.Equal(ErrorCode.NoNode, Create(h, "/nonexistent/"));
        Assert.Equal(ErrorCode.BadArguments, Create(h, "/t2a/"));
        Assert.Equal(ErrorCode.BadArguments, Create(h, "/t2a/.."));
        Assert.Equal(ErrorCode.BadArguments, Create(h, "//x"));
        // The sequential suffix makes "/t2a/" valid.
        var result = h.Create("/t2a/", flags: 2);
        Assert.Equal(ErrorCode.Ok, result.Err);
        Assert.Equal("/t2a/0000000000", result.Path);
    }

    [Fact]
    public void Node_exists_then_no_children_for_ephemerals()
    {
        var h = new Harness();
        h.Create("/e", flags: 1, session: 3);
        h.Create("/e2", flags: 1, session: 3);
        Assert.Equal(ErrorCode.NodeExists, Create(h, "/e"));
        Assert.Equal(ErrorCode.NoChildrenForEphemerals, Create(h, "/e/child"));
        Assert.Equal(ErrorCode.NoChildrenForEphemerals, Create(h, "/e/child", flags: 1, session: 3));
    }

    [Fact]
    public void Containers_and_ttl_nodes_may_have_children()
    {
        var h = new Harness(new PrepSettings(ExtendedTypesEnabled: true));
        Assert.Equal(ErrorCode.Ok, Create(h, "/c", flags: 4, opCode: OpCode.CreateContainer));
        Assert.Equal(ErrorCode.Ok, Create(h, "/c/x"));
        Assert.Equal(ErrorCode.Ok, Create(h, "/t", flags: 5, opCode: OpCode.CreateTtl, ttl: 1000));
        Assert.Equal(ErrorCode.Ok, Create(h, "/t/x"));
    }

    [Fact]
    public void Txn_type_follows_the_opcode_not_the_flag()
    {
        var h = new Harness(new PrepSettings(ExtendedTypesEnabled: true));
        var plain = h.PrepOnly(new PrepOp.Create(OpCode.Create, "/c", null, Acl.OpenAclUnsafe, 4));
        Assert.Equal(OpCode.Create, plain.Header.Type);
        Assert.False(Assert.IsType<CreateTxn>(plain.Body).Ephemeral);
        h.Apply(plain);
        Assert.Equal(0, h.Stat("/c").EphemeralOwner);
        Assert.Empty(h.Tree.Containers);

        var container = h.PrepOnly(new PrepOp.Create(OpCode.CreateContainer, "/c2", null, Acl.OpenAclUnsafe, 4));
        var containerBody = Assert.IsType<CreateContainerTxn>(container.Body);
        Assert.Equal(("/c2", 2), (containerBody.Path, containerBody.ParentCVersion));
        h.Apply(container);
        Assert.Equal(["/c2"], h.Tree.Containers);

        var ttl = h.PrepOnly(new PrepOp.Create(OpCode.CreateTtl, "/t", null, Acl.OpenAclUnsafe, 6, 500));
        var ttlBody = Assert.IsType<CreateTtlTxn>(ttl.Body);
        Assert.Equal("/t0000000002", ttlBody.Path);
        Assert.Equal(500, ttlBody.Ttl);
        h.Apply(ttl);
        Assert.Equal(["/t0000000002"], h.Tree.Ttls);
        Assert.Equal(0, h.Stat("/t0000000002").EphemeralOwner);
    }

    [Fact]
    public void Quota_hard_limit_fails_only_when_enforced()
    {
        foreach (var enforce in new[] { false, true })
        {
            var h = new Harness(new PrepSettings(EnforceQuota: enforce));
            h.Create("/q");
            h.Create("/zookeeper/quota/q");
            h.Create("/zookeeper/quota/q/zookeeper_limits", "count=-1,bytes=-1=;countHardLimit=2");
            h.Create("/zookeeper/quota/q/zookeeper_stats", "count=0,bytes=0");
            Assert.Equal(ErrorCode.Ok, Create(h, "/q/a"));
            var expected = enforce ? ErrorCode.QuotaExceeded : ErrorCode.Ok;
            Assert.Equal(expected, Create(h, "/q/b"));
        }
    }
}
