using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

/// <summary>Error precedence of delete, setData, setACL and check (PROTOCOL 7.3–7.6).</summary>
public sealed class WritePrepTests
{
    private static readonly Id Bob = new("digest", DigestAuthenticationProvider.GenerateDigest("bob:secret"));
    private static readonly IReadOnlyList<Acl> ReadOnly = [new(Perms.Read, Id.Anyone)];
    private static readonly IReadOnlyList<Acl> NoPerms = [new(Perms.All, Bob)];

    [Fact]
    public void Delete_precedence()
    {
        var h = new Harness();
        h.Create("/p", acl: [new(Perms.All & ~Perms.Delete, Id.Anyone)]);
        h.Create("/p/c");
        h.Create("/a");
        h.Create("/a/b");
        Assert.Equal(ErrorCode.BadArguments, h.Err(new PrepOp.Delete("no-slash", -1)));
        Assert.Equal(ErrorCode.BadArguments, h.Err(new PrepOp.Delete("/a\0", -1)));
        Assert.Equal(ErrorCode.NoNode, h.Err(new PrepOp.Delete("/missing/x", -1)));
        // DELETE is checked on the parent, before the node's existence.
        Assert.Equal(ErrorCode.NoAuth, h.Err(new PrepOp.Delete("/p/missing", -1)));
        Assert.Equal(ErrorCode.NoAuth, h.Err(new PrepOp.Delete("/p/c", -1)));
        Assert.Equal(ErrorCode.NoNode, h.Err(new PrepOp.Delete("/a/missing", 5)));
        // No full validation: an odd path just misses.
        Assert.Equal(ErrorCode.NoNode, h.Err(new PrepOp.Delete("/a/", -1)));
        // BadVersion before NotEmpty.
        Assert.Equal(ErrorCode.BadVersion, h.Err(new PrepOp.Delete("/a", 3)));
        Assert.Equal(ErrorCode.NotEmpty, h.Err(new PrepOp.Delete("/a", 0)));
        Assert.Equal(ErrorCode.Ok, h.Err(new PrepOp.Delete("/a/b", 0)));
        Assert.Equal(ErrorCode.Ok, h.Err(new PrepOp.Delete("/a", -1)));
        Assert.Equal(ErrorCode.NoNode, h.Err(new PrepOp.Delete("/a", -1)));
    }

    [Fact]
    public void SetData_precedence()
    {
        var h = new Harness();
        h.Create("/r", acl: ReadOnly);
        h.Create("/w");
        Assert.Equal(ErrorCode.BadArguments, h.Err(new PrepOp.SetData("/w/", [1], 99)));
        Assert.Equal(ErrorCode.BadArguments, h.Err(new PrepOp.SetData("w", [1], 99)));
        Assert.Equal(ErrorCode.NoNode, h.Err(new PrepOp.SetData("/missing", [1], 99)));
        Assert.Equal(ErrorCode.NoAuth, h.Err(new PrepOp.SetData("/r", [1], 99)));
        Assert.Equal(ErrorCode.BadVersion, h.Err(new PrepOp.SetData("/w", [1], 99)));
        var txn = h.PrepOnly(new PrepOp.SetData("/w", [1], 0));
        var body = Assert.IsType<SetDataTxn>(txn.Body);
        Assert.Equal(("/w", 1), (body.Path, body.Version));
        Assert.Equal([1], body.Data);
        h.Apply(txn);
        Assert.Equal(1, h.Stat("/w").Version);
    }

    [Fact]
    public void SetAcl_precedence()
    {
        var h = new Harness();
        h.Create("/n", acl: [new(Perms.All & ~Perms.Admin, Id.Anyone)]);
        h.Create("/ok");
        Assert.Equal(ErrorCode.BadArguments, h.Err(new PrepOp.SetAcl("/n/", [], 99)));
        Assert.Equal(ErrorCode.InvalidAcl, h.Err(new PrepOp.SetAcl("/missing", [], 99)));
        Assert.Equal(ErrorCode.NoNode, h.Err(new PrepOp.SetAcl("/missing", Acl.OpenAclUnsafe, 99)));
        Assert.Equal(ErrorCode.NoAuth, h.Err(new PrepOp.SetAcl("/n", Acl.OpenAclUnsafe, 99)));
        Assert.Equal(ErrorCode.BadVersion, h.Err(new PrepOp.SetAcl("/ok", Acl.OpenAclUnsafe, 1)));
        var txn = h.PrepOnly(new PrepOp.SetAcl("/ok", ReadOnly, 0));
        var body = Assert.IsType<SetAclTxn>(txn.Body);
        Assert.Equal(1, body.Version);
        Assert.Equal(ReadOnly, body.Acl);
    }

    [Fact]
    public void Check_precedence_inside_multi()
    {
        var h = new Harness();
        h.Create("/secret", acl: NoPerms, auth: [Bob]);
        h.Create("/v");
        ErrorCode CheckErr(string path, int version)
        {
            var result = h.Multi(new PrepOp.Check(path, version));
            return result.MultiResults![0].Err;
        }
        Assert.Equal(ErrorCode.BadArguments, CheckErr("/v/", 0));
        Assert.Equal(ErrorCode.NoNode, CheckErr("/missing", 0));
        Assert.Equal(ErrorCode.NoAuth, CheckErr("/secret", 7));
        Assert.Equal(ErrorCode.BadVersion, CheckErr("/v", 7));
        Assert.Equal(ErrorCode.Ok, CheckErr("/v", 0));
        var txn = h.Prep.PrepareMulti(h.Next(), [new PrepOp.Check("/v", -1)]);
        Assert.Equal(new CheckVersionTxn("/v", 1), Assert.IsType<MultiTxn>(txn.Body).Txns[0].Body);
    }

    [Fact]
    public void Check_is_not_a_top_level_write()
    {
        var h = new Harness();
        Assert.Throws<ArgumentException>(() => h.Prep.Prepare(h.Next(), new PrepOp.Check("/", -1)));
    }

    [Fact]
    public void Delete_container_rules()
    {
        var h = new Harness(new PrepSettings(ExtendedTypesEnabled: true));
        h.Create("/c", flags: 4, opCode: OpCode.CreateContainer);
        h.Create("/c/x");
        h.Create("/e", flags: 1, session: 9);
        ErrorCode DeleteContainer(string path)
        {
            var txn = h.Prep.PrepareDeleteContainer(h.Next(session: 0, cxid: 0), path);
            h.Apply(txn);
            return Harness.ErrOf(txn);
        }
        Assert.Equal(ErrorCode.BadArguments, DeleteContainer("/zookeeper"));
        Assert.Equal(ErrorCode.NoNode, DeleteContainer("/missing"));
        Assert.Equal(ErrorCode.NotEmpty, DeleteContainer("/c"));
        Assert.Equal(ErrorCode.BadVersion, DeleteContainer("/e"));
        h.Delete("/c/x");
        var txn = h.Prep.PrepareDeleteContainer(h.Next(session: 0, cxid: 0), "/c");
        Assert.Equal(OpCode.DeleteContainer, txn.Header.Type);
        Assert.Equal(new DeleteTxn("/c"), txn.Body);
        Assert.Equal(ErrorCode.Ok, h.Apply(txn).Err);
        Assert.Empty(h.Tree.Containers);
    }
}
