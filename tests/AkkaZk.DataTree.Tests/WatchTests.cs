using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

public sealed class WatchTests
{
    private static readonly IReadOnlyList<Id> NoAuth = [];
    private static WatchedEvent E(EventType type, string path) => new(type, path);

    [Fact]
    public void Exists_on_missing_node_registers_a_data_watch_that_fires_node_created()
    {
        var h = new Harness();
        var w = new RecordingWatcher();
        Assert.Equal(ErrorCode.NoNode, h.Tree.Exists("/a", w, NoAuth, out _));
        Assert.Equal(1, h.Tree.WatchCount);
        h.Create("/a");
        Assert.Equal([E(EventType.NodeCreated, "/a")], w.Events);
        Assert.Equal(0, h.Tree.WatchCount);
    }

    [Fact]
    public void GetData_and_getChildren_on_missing_nodes_register_nothing()
    {
        var h = new Harness();
        var w = new RecordingWatcher();
        Assert.Equal(ErrorCode.NoNode, h.Tree.GetData("/a", w, NoAuth, out _, out _));
        Assert.Equal(ErrorCode.NoNode, h.Tree.GetChildren("/a", w, NoAuth, out _, out _));
        Assert.Equal(0, h.Tree.WatchCount);
        h.Create("/a");
        Assert.Empty(w.Events);
    }

    [Fact]
    public void Standard_watches_fire_once()
    {
        var h = new Harness();
        h.Create("/a");
        var w = new RecordingWatcher();
        h.Tree.GetData("/a", w, NoAuth, out _, out _);
        h.SetData("/a", "1");
        h.SetData("/a", "2");
        Assert.Equal([E(EventType.NodeDataChanged, "/a")], w.Events);
    }

    [Fact]
    public void Create_fires_created_on_node_and_children_changed_on_parent_with_their_acls()
    {
        var h = new Harness();
        h.Create("/p", acl: Acl.ReadAclUnsafe.Concat([new Acl(Perms.Create, Id.Anyone)]).ToList());
        var w = new RecordingWatcher();
        h.Tree.Exists("/p/c", w, NoAuth, out _);
        h.Tree.GetChildren("/p", w, NoAuth, out _, out _);
        IReadOnlyList<Acl> childAcl = [new(Perms.All, new Id("ip", "1.2.3.4"))];
        h.Create("/p/c", acl: childAcl);
        Assert.Equal([E(EventType.NodeCreated, "/p/c"), E(EventType.NodeChildrenChanged, "/p")], w.Events);
        Assert.Equal(childAcl, w.Received[0].Acl);
        Assert.Equal([new Acl(Perms.Read, Id.Anyone), new Acl(Perms.Create, Id.Anyone)], w.Received[1].Acl);
    }

    [Fact]
    public void Root_child_watch_is_keyed_slash()
    {
        var h = new Harness();
        var w = new RecordingWatcher();
        h.Tree.GetChildren("/", w, NoAuth, out _, out _);
        h.Create("/x");
        Assert.Equal([E(EventType.NodeChildrenChanged, "/")], w.Events);
        Assert.Equal(Acl.OpenAclUnsafe, w.Received[0].Acl);
    }

    [Fact]
    public void Delete_fires_deleted_once_per_watcher_then_parent_children_changed()
    {
        var h = new Harness();
        h.Create("/p");
        h.Create("/p/c", acl: [new(Perms.All, new Id("ip", "9.9.9.9"))]);
        var both = new RecordingWatcher(1);
        var childOnly = new RecordingWatcher(2);
        var parent = new RecordingWatcher(3);
        h.Tree.GetData("/p/c", both, [new Id("ip", "9.9.9.9")], out _, out _);
        h.Tree.GetChildren("/p/c", both, [new Id("ip", "9.9.9.9")], out _, out _);
        h.Tree.GetChildren("/p/c", childOnly, [new Id("ip", "9.9.9.9")], out _, out _);
        h.Tree.GetChildren("/p", parent, NoAuth, out _, out _);
        h.Delete("/p/c");
        Assert.Equal([E(EventType.NodeDeleted, "/p/c")], both.Events);
        Assert.Equal([E(EventType.NodeDeleted, "/p/c")], childOnly.Events);
        Assert.Equal([E(EventType.NodeChildrenChanged, "/p")], parent.Events);
        Assert.Equal([new Acl(Perms.All, new Id("ip", "9.9.9.9"))], both.Received[0].Acl);
        Assert.Equal(Acl.OpenAclUnsafe, parent.Received[0].Acl);
        // The suppressed child-table entry was consumed too.
        Assert.Equal(0, h.Tree.WatchCount);
    }

    [Fact]
    public void SetAcl_fires_nothing()
    {
        var h = new Harness();
        h.Create("/a");
        var w = new RecordingWatcher();
        h.Tree.GetData("/a", w, NoAuth, out _, out _);
        h.Run(new PrepOp.SetAcl("/a", Acl.ReadAclUnsafe, -1));
        Assert.Empty(w.Events);
        Assert.Equal(1, h.Tree.WatchCount);
    }

    [Fact]
    public void Persistent_watch_stays_and_sees_data_children_and_deletion()
    {
        var h = new Harness();
        h.Create("/a");
        var w = new RecordingWatcher();
        h.Tree.AddWatch("/a", AddWatchMode.Persistent, w);
        Assert.Equal(2, h.Tree.WatchCount);
        h.SetData("/a", "1");
        h.Create("/a/b");
        h.Create("/a/b/c");   // not a direct child: nothing
        h.SetData("/a", "2");
        h.Delete("/a/b/c");
        h.Delete("/a/b");
        h.Delete("/a");
        h.Create("/a");
        Assert.Equal(
        [
            E(EventType.NodeDataChanged, "/a"), E(EventType.NodeChildrenChanged, "/a"), E(EventType.NodeDataChanged, "/a"),
            E(EventType.NodeChildrenChanged, "/a"), E(EventType.NodeDeleted, "/a"), E(EventType.NodeCreated, "/a"),
        ], w.Events);
    }

    [Fact]
    public void Recursive_watch_sees_every_descendant_but_no_children_changed()
    {
        var h = new Harness();
        var w = new RecordingWatcher();
        h.Tree.AddWatch("/r", AddWatchMode.PersistentRecursive, w);
        h.Create("/r");
        h.Create("/r/a");
        h.Create("/r/a/b");
        h.SetData("/r/a/b", "x");
        h.Delete("/r/a/b");
        h.Create("/rx");   // a sibling with the same prefix is not below /r
        Assert.Equal(
        [
            E(EventType.NodeCreated, "/r"), E(EventType.NodeCreated, "/r/a"), E(EventType.NodeCreated, "/r/a/b"),
            E(EventType.NodeDataChanged, "/r/a/b"), E(EventType.NodeDeleted, "/r/a/b"),
        ], w.Events);
    }

    [Fact]
    public void Recursive_on_root_sees_everything_once()
    {
        var h = new Harness();
        var w = new RecordingWatcher();
        h.Tree.AddWatch("/", AddWatchMode.PersistentRecursive, w);
        h.Create("/a");
        h.Delete("/a");
        Assert.Equal([E(EventType.NodeCreated, "/a"), E(EventType.NodeDeleted, "/a")], w.Events);
    }

    [Fact]
    public void Adding_recursive_resets_standard_child_watch_mode()
    {
        // [E] getData(w) + getChildren(w) + addWatch(recursive) on /w, then create /w/b: only NodeCreated /w/b.
        var h = new Harness();
        h.Create("/w");
        var w = new RecordingWatcher();
        h.Tree.GetData("/w", w, NoAuth, out _, out _);
        h.Tree.GetChildren("/w", w, NoAuth, out _, out _);
        h.Tree.AddWatch("/w", AddWatchMode.PersistentRecursive, w);
        h.Create("/w/b");
        Assert.Equal([E(EventType.NodeCreated, "/w/b")], w.Events);
    }

    [Fact]
    public void Standard_registration_turns_a_persistent_watch_back_into_one_shot()
    {
        var h = new Harness();
        h.Create("/a");
        var w = new RecordingWatcher();
        h.Tree.AddWatch("/a", AddWatchMode.Persistent, w);
        h.Tree.GetData("/a", w, NoAuth, out _, out _);
        h.SetData("/a", "1");
        h.SetData("/a", "2");
        Assert.Equal([E(EventType.NodeDataChanged, "/a")], w.Events);
        // The child table entry is still persistent.
        h.Create("/a/x");
        h.Create("/a/y");
        Assert.Equal(3, w.Events.Count());
    }

    [Fact]
    public void One_event_per_watcher_even_with_recursive_and_standard_on_same_event()
    {
        var h = new Harness();
        h.Create("/a");
        var w = new RecordingWatcher();
        h.Tree.AddWatch("/", AddWatchMode.PersistentRecursive, w);
        h.Tree.AddWatch("/a", AddWatchMode.Persistent, w);
        h.SetData("/a", "1");
        Assert.Equal([E(EventType.NodeDataChanged, "/a")], w.Events);
    }

    [Fact]
    public void Separate_watchers_each_get_their_event()
    {
        var h = new Harness();
        h.Create("/a");
        var w1 = new RecordingWatcher(1);
        var w2 = new RecordingWatcher(2);
        h.Tree.GetData("/a", w1, NoAuth, out _, out _);
        h.Tree.GetData("/a", w2, NoAuth, out _, out _);
        h.Tree.GetData("/a", w2, NoAuth, out _, out _);   // one entry per (watcher, path)
        Assert.Equal(2, h.Tree.WatchCount);
        h.SetData("/a", "x");
        Assert.Single(w1.Events);
        Assert.Single(w2.Events);
    }

    [Fact]
    public void Check_watches_walks_the_path_as_PathParentIterator()
    {
        // ZooKeeper 3.8 containsWatcher iterates PathParentIterator: "" yields no element (NoWatcher, even with a
        // watch registered at ""), and a path without '/' throws StringIndexOutOfBounds (MarshallingError).
        var h = new Harness();
        var w = new RecordingWatcher(1);
        h.Tree.Exists("", w, NoAuth, out _);
        h.Tree.Exists("a", w, NoAuth, out _);
        Assert.Equal(ErrorCode.NoWatcher, h.Tree.RemoveWatches("", WatcherType.Data, w, checkOnly: true));
        Assert.Equal(ErrorCode.MarshallingError, h.Tree.RemoveWatches("a", WatcherType.Data, w, checkOnly: true));
        Assert.Equal(ErrorCode.MarshallingError, h.Tree.RemoveWatches("a", WatcherType.Children, w, checkOnly: true));
        // removeWatches does not walk the path.
        Assert.Equal(ErrorCode.Ok, h.Tree.RemoveWatches("a", WatcherType.Data, w, checkOnly: false));
        Assert.Equal(ErrorCode.Ok, h.Tree.RemoveWatches("", WatcherType.Any, w, checkOnly: false));
    }

    [Fact]
    public void Remove_and_check_watches()
    {
        var h = new Harness();
        h.Create("/a");
        var w = new RecordingWatcher(1);
        var other = new RecordingWatcher(2);
        Assert.Equal(ErrorCode.NoWatcher, h.Tree.RemoveWatches("/a", WatcherType.Any, w, checkOnly: true));
        h.Tree.GetData("/a", w, NoAuth, out _, out _);
        Assert.Equal(ErrorCode.Ok, h.Tree.RemoveWatches("/a", WatcherType.Data, w, checkOnly: true));
        Assert.Equal(ErrorCode.NoWatcher, h.Tree.RemoveWatches("/a", WatcherType.Children, w, checkOnly: true));
        Assert.Equal(ErrorCode.Ok, h.Tree.RemoveWatches("/a", WatcherType.Any, w, checkOnly: true));
        // 3.8's containsWatcher also answers for a path someone else watches.
        Assert.Equal(ErrorCode.Ok, h.Tree.RemoveWatches("/a", WatcherType.Data, other, checkOnly: true));
        Assert.Equal(ErrorCode.NoWatcher, h.Tree.RemoveWatches("/a", WatcherType.Data, other, checkOnly: false));
        Assert.Equal(ErrorCode.NoWatcher, h.Tree.RemoveWatches("/a", WatcherType.Children, w, checkOnly: false));
        Assert.Equal(ErrorCode.Ok, h.Tree.RemoveWatches("/a", WatcherType.Any, w, checkOnly: false));
        Assert.Equal(0, h.Tree.WatchCount);
        h.SetData("/a", "x");
        Assert.Empty(w.Events);

        h.Tree.AddWatch("/a", AddWatchMode.PersistentRecursive, w);
        Assert.Equal(ErrorCode.Ok, h.Tree.RemoveWatches("/a", WatcherType.Children, w, checkOnly: false));
        Assert.Equal(ErrorCode.Ok, h.Tree.RemoveWatches("/a", WatcherType.Data, w, checkOnly: false));
        Assert.Equal(0, h.Tree.WatchCount);
        h.Create("/a/b");
        Assert.Empty(w.Events);
    }

    [Fact]
    public void Removing_a_connection_drops_all_its_watches()
    {
        var h = new Harness();
        h.Create("/a");
        var w = new RecordingWatcher();
        h.Tree.GetData("/a", w, NoAuth, out _, out _);
        h.Tree.Exists("/b", w, NoAuth, out _);
        h.Tree.AddWatch("/c", AddWatchMode.PersistentRecursive, w);
        Assert.Equal(4, h.Tree.WatchCount);
        h.Tree.RemoveWatcher(w);
        Assert.Equal(0, h.Tree.WatchCount);
        Assert.Equal(0, h.Tree.GetWatchStatistics().Connections);
        h.Create("/c");
        h.Create("/c/d");
        Assert.Empty(w.Events);
    }

    [Fact]
    public void Watch_statistics_cover_the_data_table_only()
    {
        var h = new Harness();
        h.Create("/a");
        var w1 = new RecordingWatcher(0x11);
        var w2 = new RecordingWatcher(0x22);
        h.Tree.GetData("/a", w1, NoAuth, out _, out _);
        h.Tree.Exists("/b", w1, NoAuth, out _);
        h.Tree.Exists("/b", w2, NoAuth, out _);
        h.Tree.GetChildren("/a", w2, NoAuth, out _, out _);
        var stats = h.Tree.GetWatchStatistics();
        Assert.Equal((2, 2, 3), (stats.Connections, stats.Paths, stats.TotalWatches));
        Assert.Equal(["/a", "/b"], stats.WatchesBySession.Single(s => s.SessionId == 0x11).Paths.Order(StringComparer.Ordinal));
        Assert.Equal([0x11L, 0x22L], stats.WatchesByPath.Single(p => p.Path == "/b").SessionIds.Order());
        Assert.Equal(4, h.Tree.WatchCount);

        // A fired watch leaves the connection counted with no paths, as WatchManager.watch2Paths.
        h.SetData("/a", "x");
        h.Create("/b");
        stats = h.Tree.GetWatchStatistics();
        Assert.Equal((2, 0, 0), (stats.Connections, stats.Paths, stats.TotalWatches));
    }

    [Fact]
    public void Exists_checks_no_acl_as_zookeeper_3_8_0_but_rejects_nul()
    {
        var h = new Harness();
        h.Create("/x", acl: [new(Perms.Write, Id.Anyone)]);
        var w = new RecordingWatcher();
        Assert.Equal(ErrorCode.Ok, h.Tree.Exists("/x", w, NoAuth, out _));
        Assert.Equal(ErrorCode.BadArguments, h.Tree.Exists("/y\0", w, NoAuth, out _));
        Assert.Equal(1, h.Tree.WatchCount);
    }

    [Fact]
    public void Watcher_may_reenter_the_tree_while_being_notified()
    {
        var h = new Harness();
        h.Create("/a");
        var reentrant = new ReentrantWatcher(h.Tree);
        h.Tree.GetData("/a", reentrant, NoAuth, out _, out _);
        h.SetData("/a", "1");
        h.SetData("/a", "2");
        Assert.Equal(2, reentrant.Count);
    }

    private sealed class ReentrantWatcher(DataTree tree) : IWatcher
    {
        public long SessionId => 1;
        public int Count { get; private set; }

        public void Process(WatchedEvent e, IReadOnlyList<Acl>? acl)
        {
            Count++;
            tree.GetData(e.Path, this, [], out _, out _);
        }
    }
}
