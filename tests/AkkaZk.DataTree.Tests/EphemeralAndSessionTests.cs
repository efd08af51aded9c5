using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

public sealed class EphemeralAndSessionTests
{
    [Fact]
    public void Sessions_are_tracked_by_create_and_close_session_txns()
    {
        var h = new Harness();
        var txn = h.Prep.PrepareCreateSession(h.Next(session: 0x100), 4000);
        Assert.Equal(OpCode.CreateSession, txn.Header.Type);
        Assert.Equal(new CreateSessionTxn(4000), txn.Body);
        h.Apply(txn);
        h.CreateSession(0x200, 6000);
        Assert.Equal(new Dictionary<long, int> { [0x100] = 4000, [0x200] = 6000 }, h.Tree.SessionsWithTimeouts);
        h.CloseSession(0x100);
        Assert.Equal(new Dictionary<long, int> { [0x200] = 6000 }, h.Tree.SessionsWithTimeouts);
    }

    [Fact]
    public void Ephemerals_are_indexed_by_owner_and_visible_to_clients()
    {
        var h = new Harness();
        h.CreateSession(0x10);
        var created = h.Create("/e1", flags: 1, session: 0x10);
        h.Create("/e2", flags: 3, session: 0x10);
        h.Create("/other", flags: 1, session: 0x20);
        h.Create("/persistent", session: 0x10);
        Assert.Equal(0x10, created.Stat!.Value.EphemeralOwner);
        Assert.Equal(3, h.Tree.EphemeralCount);
        Assert.Equal(["/e1", "/e20000000001"], h.Tree.GetEphemerals(0x10).Order(StringComparer.Ordinal));
        Assert.Empty(h.Tree.GetEphemerals(0x99));
        var bySession = h.Tree.EphemeralsBySession;
        Assert.Equal([0x10L, 0x20L], bySession.Keys.Order());
        Assert.Equal(["/other"], bySession[0x20]);
    }

    [Fact]
    public void GetEphemerals_prefix_rules()
    {
        var h = new Harness();
        h.Create("/app", session: 1);
        h.Create("/app/e", flags: 1, session: 1);
        h.Create("/apple", flags: 1, session: 1);
        h.Create("/b", flags: 1, session: 1);
        Assert.Equal(3, h.Tree.GetEphemerals(1, null).Count);
        Assert.Equal(3, h.Tree.GetEphemerals(1, "  ").Count);
        Assert.Equal(3, h.Tree.GetEphemerals(1, " / ").Count);
        Assert.Equal(["/app/e", "/apple"], h.Tree.GetEphemerals(1, "/app").Order(StringComparer.Ordinal));
        Assert.Equal(["/app/e"], h.Tree.GetEphemerals(1, "/app/"));
        Assert.Empty(h.Tree.GetEphemerals(1, " /app"));
        Assert.Empty(h.Tree.GetEphemerals(2, null));
    }

    [Fact]
    public void Close_session_deletes_ephemerals_fires_watches_and_lists_them_in_the_txn()
    {
        var h = new Harness();
        h.CreateSession(0x10);
        h.Create("/dir");
        h.Create("/dir/e", flags: 1, session: 0x10);
        h.Create("/e", flags: 1, session: 0x10);
        var watcher = new RecordingWatcher(2);
        h.Tree.Exists("/dir/e", watcher, Harness.NoAuth, out _);
        h.Tree.GetChildren("/dir", watcher, Harness.NoAuth, out _, out _);

        var txn = h.Prep.PrepareCloseSession(h.Next(session: 0x10));
        Assert.Equal(OpCode.CloseSession, txn.Header.Type);
        Assert.Equal(["/dir/e", "/e"], Assert.IsType<CloseSessionTxn>(txn.Body).Paths2Delete.Order(StringComparer.Ordinal));
        var result = h.Apply(txn);
        Assert.Equal(ErrorCode.Ok, result.Err);

        Assert.Equal(0, h.Tree.EphemeralCount);
        Assert.Empty(h.Tree.EphemeralsBySession);
        Assert.Null(h.Tree.StatOf("/e"));
        Assert.Equal(txn.Zxid, h.Stat("/dir").Pzxid);
        Assert.Equal(
            [new WatchedEvent(EventType.NodeDeleted, "/dir/e"), new WatchedEvent(EventType.NodeChildrenChanged, "/dir")],
            watcher.Events);
    }

    [Fact]
    public void Close_session_also_removes_ephemerals_the_txn_did_not_list()
    {
        var tree = new DataTree();
        tree.ProcessTxn(new Txn(new TxnHeader(7, 1, 1, 1, OpCode.Create), new CreateTxn("/a", null, Acl.OpenAclUnsafe, true, 1)));
        tree.ProcessTxn(new Txn(new TxnHeader(7, 2, 2, 1, OpCode.Create), new CreateTxn("/b", null, Acl.OpenAclUnsafe, true, 2)));
        // The txn lists /a and a path that is already gone; /b is still removed from the tree's own list.
        tree.ProcessTxn(new Txn(new TxnHeader(7, 3, 3, 1, OpCode.CloseSession), new CloseSessionTxn(["/a", "/gone"])));
        Assert.Null(tree.StatOf("/a"));
        Assert.Null(tree.StatOf("/b"));
        Assert.Equal(0, tree.EphemeralCount);
    }

    [Fact]
    public void Session_that_deleted_its_ephemerals_keeps_an_empty_entry_until_close()
    {
        var h = new Harness();
        h.Create("/e", flags: 1, session: 3);
        h.Delete("/e", session: 3);
        Assert.Equal(0, h.Tree.EphemeralCount);
        Assert.Empty(h.Tree.EphemeralsBySession[3]);
        h.CloseSession(3);
        Assert.Empty(h.Tree.EphemeralsBySession);
    }

    [Fact]
    public void Close_session_prep_sees_pending_creates_and_deletes()
    {
        var h = new Harness();
        h.Create("/old", flags: 1, session: 5);
        h.Create("/gone", flags: 1, session: 5);
        var pendingCreate = h.PrepOnly(Harness.CreateOp("/new", flags: 1), session: 5);
        var pendingDelete = h.PrepOnly(new PrepOp.Delete("/gone", -1), session: 5);
        var close = h.Prep.PrepareCloseSession(h.Next(session: 5));
        Assert.Equal(["/new", "/old"], Assert.IsType<CloseSessionTxn>(close.Body).Paths2Delete.Order(StringComparer.Ordinal));
        // After the close is prepared, the ephemerals look deleted to later requests.
        Assert.Equal(ErrorCode.NoNode, Harness.ErrOf(h.PrepOnly(new PrepOp.SetData("/old", null, -1))));
        h.Apply(pendingCreate);
        h.Apply(pendingDelete);
        h.Apply(close);
        Assert.Equal(5, h.Tree.NodeCount);
        Assert.Equal(0, h.Prep.PendingCount);
    }

    [Fact]
    public void Container_and_ttl_owners_are_hidden_from_clients_and_not_ephemerals()
    {
        var h = new Harness(new PrepSettings(ExtendedTypesEnabled: true));
        var container = h.Create("/c", flags: 4, opCode: OpCode.CreateContainer);
        var ttl = h.Create("/t", flags: 5, opCode: OpCode.CreateTtl, ttl: 0x1234);
        Assert.Equal(0, container.Stat!.Value.EphemeralOwner);
        Assert.Equal(0, ttl.Stat!.Value.EphemeralOwner);
        Assert.Equal(0, h.Tree.EphemeralCount);
        Assert.Equal(["/c"], h.Tree.Containers);
        Assert.Equal(["/t"], h.Tree.Ttls);
        var stream = new MemoryStream();
        SnapshotSerializer.Serialize(h.Tree, stream);
        var bytes = stream.ToArray();
        // The persisted owners are the encoded values.
        Assert.True(ContainsLong(bytes, long.MinValue));
        Assert.True(ContainsLong(bytes, unchecked((long)0xFF00000000001234UL)));
    }

    [Fact]
    public void Ttl_owner_is_a_normal_session_when_extended_types_are_off()
    {
        var tree = new DataTree(extendedTypesEnabled: false);
        var owner = unchecked((long)0xFF00000000000001UL);   // a session of server id 255
        tree.ProcessTxn(new Txn(new TxnHeader(owner, 1, 1, 1, OpCode.Create2), new CreateTxn("/e", null, Acl.OpenAclUnsafe, true, 1)));
        Assert.Equal(owner, tree.StatOf("/e")!.Value.EphemeralOwner);
        Assert.Equal(1, tree.EphemeralCount);
        Assert.Empty(tree.Ttls);
    }

    private static bool ContainsLong(byte[] bytes, long value)
    {
        var needle = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(needle, value);
        return bytes.AsSpan().IndexOf(needle) >= 0;
    }
}
