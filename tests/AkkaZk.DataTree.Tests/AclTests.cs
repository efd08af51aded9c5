using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

public sealed class AclTests
{
    private static readonly string BobDigest = DigestAuthenticationProvider.GenerateDigest("bob:secret");
    private static readonly Id Bob = new("digest", BobDigest);
    private static readonly Id Alice = new("digest", DigestAuthenticationProvider.GenerateDigest("alice:pw"));
    private static readonly Id Localhost = new("ip", "127.0.0.1");
    private static readonly Id Super = new("super", "");

    [Fact]
    public void Digest_test_vector() => Assert.Equal("bob:fyVmFCwVbTJYrznoSu1koqYEYF0=", BobDigest);

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("127.0.0.2", "127.0.0.1", false)]
    [InlineData("10.1.2.3", "10.1.0.0/16", true)]
    [InlineData("10.2.2.3", "10.1.0.0/16", false)]
    [InlineData("10.1.2.3", "10.1.2.0/25", true)]
    [InlineData("10.1.2.200", "10.1.2.0/25", false)]
    [InlineData("1.2.3.4", "0.0.0.0/0", true)]
    [InlineData("1.2.3.4", "1.2.3.4/33", false)]
    [InlineData("::1", "::1", false)]
    [InlineData("1.2.3.4", "1.2.3", false)]
    [InlineData("1.2.3.4", "1.2.3.4/x", false)]
    public void Ip_matching(string client, string acl, bool expected) =>
        Assert.Equal(expected, IpAuthenticationProvider.Matches(client, acl));

    [Theory]
    [InlineData("1.2.3.4", true)]
    [InlineData("1.2.3.4/24", true)]
    [InlineData("1.2.3.4/32", true)]
    [InlineData("1.2.3.4/33", false)]
    [InlineData("1.2.3.256", false)]
    [InlineData("1.2.3", false)]
    [InlineData("fe80::1", false)]
    [InlineData("", false)]
    public void Ip_validity(string id, bool expected) => Assert.Equal(expected, IpAuthenticationProvider.IsValid(id));

    [Fact]
    public void Check_rules()
    {
        IReadOnlyList<Acl> bobRead = [new(Perms.Read, Bob)];
        Assert.True(AclChecker.Check(null, Perms.Admin, []));
        Assert.True(AclChecker.Check([], Perms.Admin, []));
        Assert.True(AclChecker.Check(bobRead, Perms.Read, [Localhost, Bob]));
        Assert.False(AclChecker.Check(bobRead, Perms.Write, [Bob]));
        Assert.False(AclChecker.Check(bobRead, Perms.Read, [Alice]));
        Assert.True(AclChecker.Check(bobRead, Perms.Write, [Super]));
        Assert.True(AclChecker.Check([new(Perms.Write, Id.Anyone)], Perms.Write | Perms.Read, []));
        Assert.True(AclChecker.Check([new(Perms.All, new Id("ip", "127.0.0.0/8"))], Perms.Read, [Localhost]));
        Assert.False(AclChecker.Check([new(Perms.All, new Id("world", "someone"))], Perms.Read, [new Id("world", "someone")]));
    }

    [Fact]
    public void Fixup_dedupes_expands_auth_and_validates()
    {
        var dup = new Acl(Perms.All, Id.Anyone);
        Assert.Equal(ErrorCode.Ok, AclFixer.Fixup([dup, dup with { }], [], out var deduped));
        Assert.Equal([dup], deduped);
        Assert.Equal(ErrorCode.InvalidAcl, AclFixer.Fixup(null, [], out _));
        Assert.Equal(ErrorCode.InvalidAcl, AclFixer.Fixup([], [], out _));

        Assert.Equal(ErrorCode.Ok, AclFixer.Fixup([new(Perms.Read, new Id("auth", "ignored"))], [Localhost, Bob, Super, Alice], out var expanded));
        Assert.Equal([new Acl(Perms.Read, Bob), new Acl(Perms.Read, Alice)], expanded);
        Assert.Equal(ErrorCode.InvalidAcl, AclFixer.Fixup([new(Perms.All, new Id("auth", ""))], [Localhost, Super], out _));

        Assert.Equal(ErrorCode.InvalidAcl, AclFixer.Fixup([new(Perms.All, new Id("world", "nobody"))], [], out _));
        Assert.Equal(ErrorCode.InvalidAcl, AclFixer.Fixup([new(Perms.All, new Id("super", ""))], [], out _));
        Assert.Equal(ErrorCode.InvalidAcl, AclFixer.Fixup([new(Perms.All, new Id("sasl", "x"))], [], out _));
        Assert.Equal(ErrorCode.InvalidAcl, AclFixer.Fixup([new(Perms.All, new Id("ip", "300.1.1.1"))], [], out _));
        Assert.Equal(ErrorCode.Ok, AclFixer.Fixup([new(Perms.All, new Id("ip", "10.0.0.0/8"))], [], out _));
    }

    [Theory]
    [InlineData("bob:hash", true)]
    [InlineData("bob:", false)]
    [InlineData("bob", false)]
    [InlineData("a:b:c", false)]
    [InlineData("a:b:", true)]     // Java's split drops the trailing empty part
    [InlineData(":hash", true)]
    [InlineData(":", false)]
    public void Digest_id_validity(string id, bool expected) => Assert.Equal(expected, DigestAuthenticationProvider.IsValid(id));

    [Fact]
    public void Auth_acl_with_only_ip_identity_is_invalid_and_with_digest_is_stored_expanded()
    {
        var h = new Harness();
        IReadOnlyList<Acl> creatorAll = [new(Perms.All, new Id("auth", ""))];
        Assert.Equal(ErrorCode.InvalidAcl, h.Create("/x", acl: creatorAll, auth: [Localhost]).Err);
        Assert.Equal(ErrorCode.Ok, h.Create("/x", acl: creatorAll, auth: [Localhost, Bob]).Err);
        Assert.Equal(ErrorCode.Ok, h.Tree.GetAcl("/x", [Bob], out var acl, out _));
        Assert.Equal([new Acl(Perms.All, Bob)], acl);
    }

    [Fact]
    public void Reads_enforce_read_permission_and_super_bypasses()
    {
        var h = new Harness();
        h.Create("/s", "secret", acl: [new(Perms.All, Bob)], auth: [Bob]);
        var watcher = new RecordingWatcher();
        Assert.Equal(ErrorCode.NoAuth, h.Tree.GetData("/s", watcher, [Alice], out _, out _));
        Assert.Equal(ErrorCode.NoAuth, h.Tree.GetChildren("/s", watcher, [Alice], out _, out _));
        Assert.Equal(ErrorCode.NoAuth, h.Tree.GetAllChildrenNumber("/s", [Alice], out _));
        Assert.Equal(0, h.Tree.WatchCount);   // no watch is left behind by a NoAuth read
        Assert.Equal(ErrorCode.Ok, h.Tree.GetData("/s", null, [Bob], out var data, out _));
        Assert.Equal("secret"u8.ToArray(), data);
        Assert.Equal(ErrorCode.Ok, h.Tree.GetData("/s", null, [Super], out _, out _));
        Assert.Equal(ErrorCode.NoAuth, h.Err(new PrepOp.SetData("/s", null, -1), auth: [Alice]));
        Assert.Equal(ErrorCode.Ok, h.Err(new PrepOp.SetData("/s", null, -1), auth: [Super]));
    }

    [Fact]
    public void GetAcl_masks_digests_without_admin()
    {
        var h = new Harness();
        IReadOnlyList<Acl> acl = [new(Perms.Read, Id.Anyone), new(Perms.All, Bob), new(Perms.Read, Localhost)];
        h.Create("/m", acl: acl);
        Assert.Equal(ErrorCode.Ok, h.Tree.GetAcl("/m", [Alice], out var masked, out var stat));
        Assert.Equal([new Acl(Perms.Read, Id.Anyone), new Acl(Perms.All, new Id("digest", "bob:x")), new Acl(Perms.Read, Localhost)], masked);
        Assert.Equal(1, stat.Czxid);
        Assert.Equal(ErrorCode.Ok, h.Tree.GetAcl("/m", [Bob], out var full, out _));
        Assert.Equal(acl, full);

        h.Create("/none", acl: [new(Perms.Write, Id.Anyone)]);
        Assert.Equal(ErrorCode.NoAuth, h.Tree.GetAcl("/none", [], out _, out _));
        h.Create("/adminonly", acl: [new(Perms.Admin, Id.Anyone)]);
        Assert.Equal(ErrorCode.Ok, h.Tree.GetAcl("/adminonly", [], out _, out _));
        Assert.Equal(ErrorCode.NoNode, h.Tree.GetAcl("/missing", [], out _, out _));
    }

    [Fact]
    public void Acl_lists_are_interned_with_reference_counts()
    {
        var h = new Harness();
        Assert.Equal(1, h.Tree.AclCacheSize);             // READ_ACL_UNSAFE of /zookeeper/config
        h.Create("/a");
        h.Create("/b");
        Assert.Equal(2, h.Tree.AclCacheSize);             // OPEN_ACL_UNSAFE from a client gets a ref too
        h.Create("/c", acl: [new(Perms.All, Bob)]);
        Assert.Equal(3, h.Tree.AclCacheSize);
        h.Delete("/c");
        Assert.Equal(2, h.Tree.AclCacheSize);
        h.Delete("/a");
        Assert.Equal(2, h.Tree.AclCacheSize);
        h.Run(new PrepOp.SetAcl("/b", Acl.ReadAclUnsafe, -1));
        Assert.Equal(1, h.Tree.AclCacheSize);             // shares the config node's list
        Assert.Equal(2, h.Tree.Acls.UsesOf(1));
    }

    [Fact]
    public void Auth_acl_expands_in_the_iteration_order_of_ZooKeepers_authInfo_set()
    {
        // ServerCnxn.authInfo is a ConcurrentHashMap key set: fixupACL (and whoAmI) see the ids in hash-bucket
        // order, not in the order the client authenticated. Expected order checked with a Java 17 run.
        var ip = new Id("ip", "127.0.0.1");
        var bob = new Id("digest", "bob:DzYBVPYoUPHuiOrAcsz6mJwnG9k=");
        var alice = new Id("digest", "alice:0H3LR71td7bmv+FwKgVasiS36rc=");
        var super_ = new Id("super", "");
        Assert.Equal([alice, bob, super_, ip], AuthInfoOrder.Of([ip, bob, alice, super_]));
        Assert.Equal(ErrorCode.Ok, AclFixer.Fixup([new Acl(Perms.All, new Id("auth", ""))], [ip, bob, alice], out var acl));
        Assert.Equal([new Acl(Perms.All, alice), new Acl(Perms.All, bob)], acl);
    }

    [Fact]
    public void Auth_info_order_follows_the_resized_table_past_twelve_ids()
    {
        var ids = Enumerable.Range(0, 14).Select(i => new Id("digest", $"u{i}:h{i}")).ToArray();
        int[] javaOrder = [13, 10, 4, 5, 11, 6, 7, 8, 9, 0, 1, 2, 3, 12];
        Assert.Equal(javaOrder.Select(i => ids[i]), AuthInfoOrder.Of(ids));
    }
}
