using System.Buffers.Binary;
using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

public sealed class SnapshotTests
{
    private static byte[] Serialize(DataTree tree)
    {
        var stream = new MemoryStream();
        SnapshotSerializer.Serialize(tree, stream);
        return stream.ToArray();
    }

    private static DataTree Load(byte[] bytes, long zxid = 0) => SnapshotSerializer.Deserialize(new MemoryStream(bytes), zxid);

    [Fact]
    public void Fresh_tree_stream_is_exactly_the_quorum_layout()
    {
        var actual = Serialize(new DataTree());
        var quotaFirst = FreshStream(configFirst: false);
        var configFirst = FreshStream(configFirst: true);
        Assert.True(actual.AsSpan().SequenceEqual(quotaFirst) || actual.AsSpan().SequenceEqual(configFirst),
            Convert.ToHexString(actual));
        Assert.Equal(quotaFirst.Length, actual.Length);
    }

    /// <summary>QUORUM 11.1: sessions 0; acl {1: [(1, world, anyone)]}; "", /zookeeper, then its two children; "/".</summary>
    private static byte[] FreshStream(bool configFirst)
    {
        var w = new JuteWriter();
        w.WriteInt(0);                       // sessions
        w.WriteInt(1);                       // ACL map size
        w.WriteLong(1);
        w.WriteInt(1);
        w.WriteInt(Perms.Read);
        w.WriteString("world");
        w.WriteString("anyone");
        Node(w, "", -1, 0);
        Node(w, "/zookeeper", -1, 0);
        if (configFirst)
        {
            Node(w, "/zookeeper/config", 1, -1);
            Node(w, "/zookeeper/quota", -1, 0);
        }
        else
        {
            Node(w, "/zookeeper/quota", -1, 0);
            Node(w, "/zookeeper/config", 1, -1);
        }
        w.WriteString("/");
        return w.ToArray();

        static void Node(JuteWriter w, string path, long aclRef, int aversion)
        {
            w.WriteString(path);
            w.WriteBuffer([]);               // empty, not null
            w.WriteLong(aclRef);
            for (var i = 0; i < 4; i++) w.WriteLong(0);   // czxid, mzxid, ctime, mtime
            w.WriteInt(0);                   // version
            w.WriteInt(0);                   // cversion
            w.WriteInt(aversion);
            w.WriteLong(0);                  // ephemeralOwner
            w.WriteLong(0);                  // pzxid
        }
    }

    [Fact]
    public void Fresh_tree_round_trips()
    {
        var loaded = Load(Serialize(new DataTree()));
        TreeAssert.Equal(new DataTree(), loaded);
        Assert.Equal(5, loaded.NodeCount);
        Assert.Equal(44, loaded.ApproximateDataSize);
    }

    [Fact]
    public void Populated_tree_round_trips_with_sessions_ephemerals_acls_and_zxid()
    {
        var h = new Harness(new PrepSettings(ExtendedTypesEnabled: true));
        h.CreateSession(0x1234, 5000);
        h.CreateSession(0x5678, 7000);
        var bob = new Id("digest", DigestAuthenticationProvider.GenerateDigest("bob:secret"));
        h.Create("/a", "data-a");
        h.Create("/a/b", acl: [new(Perms.All, bob)], auth: [bob]);
        h.Create("/a/e", flags: 1, session: 0x1234);
        h.Create("/a/s-", flags: 3, session: 0x5678);
        h.Create("/c", flags: 4, opCode: OpCode.CreateContainer);
        h.Create("/t", flags: 5, opCode: OpCode.CreateTtl, ttl: 60_000);
        h.Create("/null");
        h.Create("/gone");
        h.Delete("/gone");
        h.SetData("/a", "data-a2");
        h.Run(new PrepOp.SetAcl("/a", Acl.ReadAclUnsafe.Concat(Acl.OpenAclUnsafe).ToList(), 0));

        var bytes = Serialize(h.Tree);
        var loaded = SnapshotSerializer.Deserialize(new MemoryStream(bytes), h.Tree.LastProcessedZxid, extendedTypesEnabled: true);
        TreeAssert.Equal(h.Tree, loaded);
        Assert.Equal(h.Tree.LastProcessedZxid, loaded.LastProcessedZxid);
        Assert.Equal(bytes, Serialize(loaded));
        Assert.Equal(["/a/e"], loaded.GetEphemerals(0x1234));
        Assert.Equal(["/c"], loaded.Containers);
        Assert.Equal(["/t"], loaded.Ttls);
        Assert.Equal(0, loaded.StatOf("/t")!.Value.EphemeralOwner);
    }

    [Fact]
    public void Loaded_tree_keeps_allocating_acl_refs_after_the_largest()
    {
        var h = new Harness();
        h.Create("/a", acl: [new(Perms.Read, Id.Anyone), new(Perms.Write, Id.Anyone)]);   // ref 2
        var loaded = Load(Serialize(h.Tree));
        var h2 = new Harness(tree: loaded);
        h2.Create("/b", acl: [new(Perms.Admin, Id.Anyone)]);
        Assert.Equal([1, 2, 3], loaded.Acls.Entries().Select(e => e.Key));
    }

    [Fact]
    public void Unused_acl_entries_are_purged_on_load()
    {
        var w = new JuteWriter();
        w.WriteInt(0);
        w.WriteInt(2);
        w.WriteLong(4);
        Acl.WriteList(w, Acl.ReadAclUnsafe);
        w.WriteLong(9);
        Acl.WriteList(w, Acl.OpenAclUnsafe);
        WriteNode(w, "", aclRef: 4);
        w.WriteString("/");
        var tree = Load(w.ToArray());
        Assert.Equal([4], tree.Acls.Entries().Select(e => e.Key));
        Assert.Equal(2, tree.NodeCount);
    }

    [Fact]
    public void Quota_stats_are_recomputed_on_load()
    {
        var h = new Harness();
        h.Create("/q", "12345");
        h.Create("/q/a", "1");
        h.Create("/zookeeper/quota/q");
        h.Create("/zookeeper/quota/q/zookeeper_limits", "count=10,bytes=100");
        h.Create("/zookeeper/quota/q/zookeeper_stats", "count=0,bytes=0");
        Assert.Equal(ErrorCode.Ok, h.Tree.GetData("/zookeeper/quota/q/zookeeper_stats", null, [], out var live, out _));
        Assert.Equal("count=2,bytes=6", System.Text.Encoding.UTF8.GetString(live!));
        h.Create("/q/b", "12");
        Assert.Equal(ErrorCode.Ok, h.Tree.GetData("/zookeeper/quota/q/zookeeper_stats", null, [], out live, out _));
        Assert.Equal("count=3,bytes=8", System.Text.Encoding.UTF8.GetString(live!));

        var loaded = Load(Serialize(h.Tree));
        TreeAssert.Equal(h.Tree, loaded);
        var h2 = new Harness(tree: loaded);
        h2.Delete("/q/a");
        Assert.Equal(ErrorCode.Ok, loaded.GetData("/zookeeper/quota/q/zookeeper_stats", null, [], out var after, out _));
        Assert.Equal("count=2,bytes=7", System.Text.Encoding.UTF8.GetString(after!));
    }

    [Fact]
    public void Malformed_streams_are_rejected()
    {
        var good = Serialize(new DataTree());
        Assert.Throws<InvalidDataException>(() => Load(good[..^3]));          // truncated
        Assert.Throws<InvalidDataException>(() => Load([]));

        Assert.Throws<InvalidDataException>(() => Load(Stream(w => { WriteNode(w, ""); WriteNode(w, "/a/b"); })));   // orphan
        Assert.Throws<InvalidDataException>(() => Load(Stream(w => WriteNode(w, "/a"))));                           // no root first
        Assert.Throws<InvalidDataException>(() => Load(Stream(w => { WriteNode(w, ""); WriteNode(w, "", aclRef: -1); })));   // duplicate
        Assert.Throws<InvalidDataException>(() => Load(Stream(w => WriteNode(w, "", aclRef: 77))));                 // unknown ACL ref
        Assert.Throws<InvalidDataException>(() => Load(Stream(_ => { })));                                          // no root at all

        var nullAcls = new JuteWriter();
        nullAcls.WriteInt(0);
        nullAcls.WriteInt(1);
        nullAcls.WriteLong(1);
        nullAcls.WriteInt(-1);
        Assert.Throws<InvalidDataException>(() => Load(nullAcls.ToArray()));

        static byte[] Stream(Action<JuteWriter> nodes)
        {
            var w = new JuteWriter();
            w.WriteInt(0);
            w.WriteInt(0);
            nodes(w);
            w.WriteString("/");
            return w.ToArray();
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Snapshot_plus_replay_equals_the_live_tree(int seed)
    {
        var live = new Harness(new PrepSettings(ExtendedTypesEnabled: true));
        var generator = new RandomWorkload(seed, live);
        for (var i = 0; i < 400; i++) generator.Step();

        var snapshotZxid = live.Tree.LastProcessedZxid;
        var bytes = Serialize(live.Tree);
        var logStart = live.Log.Count;
        for (var i = 0; i < 400; i++) generator.Step();

        var restored = SnapshotSerializer.Deserialize(new MemoryStream(bytes), snapshotZxid, extendedTypesEnabled: true);
        foreach (var txn in live.Log.Skip(logStart)) restored.ProcessTxn(txn);
        TreeAssert.Equal(live.Tree, restored);

        // The whole log replayed on a fresh tree gives the same tree too.
        var replayed = new DataTree(extendedTypesEnabled: true);
        foreach (var txn in live.Log) replayed.ProcessTxn(txn);
        TreeAssert.Equal(live.Tree, replayed);
        Assert.True(live.Tree.NodeCount > 10);
        var types = live.Log.Select(t => t.Header.Type).ToHashSet();
        Assert.Superset(new HashSet<int> { OpCode.Error, OpCode.Multi, OpCode.CreateSession, OpCode.CloseSession,
            OpCode.Create, OpCode.Create2, OpCode.CreateContainer, OpCode.CreateTtl, OpCode.Delete, OpCode.SetData, OpCode.SetAcl }, types);
        Assert.Contains(live.Log, t => t.Body is MultiTxn m && m.Txns.Count > 1 && m.Txns.All(s => s.Type != OpCode.Error));
    }

    private static void WriteNode(JuteWriter w, string path, long aclRef = -1)
    {
        w.WriteString(path);
        w.WriteBuffer(null);
        w.WriteLong(aclRef);
        for (var i = 0; i < 4; i++) w.WriteLong(0);
        w.WriteInt(0);
        w.WriteInt(0);
        w.WriteInt(0);
        w.WriteLong(0);
        w.WriteLong(0);
    }
}
