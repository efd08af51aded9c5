using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

public sealed class SetWatchesTests
{
    private static WatchedEvent E(EventType type, string path) => new(type, path);

    [Fact]
    public void Catch_up_events_and_registrations_follow_relative_zxid()
    {
        var h = new Harness();
        h.Create("/old");          // 1
        h.Create("/changed");      // 2
        h.Create("/kids");         // 3
        h.Create("/quiet");        // 4
        var relative = h.Tree.LastProcessedZxid;
        h.SetData("/changed", "x");   // 5
        h.Create("/kids/k");          // 6
        h.Create("/born");            // 7

        var w = new RecordingWatcher();
        h.Tree.SetWatches(relative,
            data: ["/old", "/changed", "/gone"],
            exist: ["/born", "/unborn"],
            child: ["/kids", "/quiet", "/missing"],
            persistent: [],
            persistentRecursive: [],
            w);
        Assert.Equal(
        [
            E(EventType.NodeDataChanged, "/changed"), E(EventType.NodeDeleted, "/gone"),
            E(EventType.NodeCreated, "/born"),
            E(EventType.NodeChildrenChanged, "/kids"), E(EventType.NodeDeleted, "/missing"),
        ], w.Events);
        Assert.True(w.Received.All(r => r.Acl is null));

        w.Clear();
        var stats = h.Tree.GetWatchStatistics();
        Assert.Equal(["/old", "/unborn"], stats.WatchesBySession.Single().Paths.Order(StringComparer.Ordinal));
        Assert.Equal(3, h.Tree.WatchCount);   // data /old, /unborn; child /quiet
        h.SetData("/old", "y");
        h.Create("/unborn");
        h.Create("/quiet/q");
        Assert.Equal(
            [E(EventType.NodeDataChanged, "/old"), E(EventType.NodeCreated, "/unborn"), E(EventType.NodeChildrenChanged, "/quiet")],
            w.Events);
    }

    [Fact]
    public void Persistent_lists_register_in_both_tables_without_catch_up()
    {
        var h = new Harness();
        h.Create("/p");
        h.SetData("/p", "changed after the client's zxid");
        var w = new RecordingWatcher();
        h.Tree.SetWatches(0, [], [], [], persistent: ["/p", "/absent"], persistentRecursive: ["/r"], w);
        Assert.Empty(w.Events);
        Assert.Equal(6, h.Tree.WatchCount);
        h.Create("/p/c");
        h.Create("/r");
        h.Create("/r/x");
        Assert.Equal([E(EventType.NodeChildrenChanged, "/p"), E(EventType.NodeCreated, "/r"), E(EventType.NodeCreated, "/r/x")], w.Events);
    }
}
