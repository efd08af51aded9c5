using AkkaZk.Jute;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.DataTree.Tests;

public sealed class DigestTests
{
    private static readonly DigestStat Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    [Fact]
    public void A_fresh_tree_has_the_digest_ZooKeeper_3_8_0_logs_for_its_empty_snapshot()
    {
        // "Snapshot loaded in … ms, highest zxid is 0x0, digest is 1371985504" (a fresh ZooKeeper 3.8.0):
        // the root as "" plus /zookeeper, all stats zero; /zookeeper/quota and /zookeeper/config are left out.
        Assert.Equal(1371985504L, new DataTree().TreeDigest);
    }

    [Fact]
    public void The_node_digest_is_the_crc32_of_path_data_and_stat()
    {
        // Values from java.util.zip.CRC32 (zlib.crc32) over the same bytes.
        var calculator = new DigestCalculator();
        Assert.Equal(2652921390L, calculator.Calculate("/a", "hello"u8, new DigestStat(1, 2, 3, 4, 5, 6, 7, 8, 9)));
        Assert.Equal(308924891L, calculator.Calculate("/caf\u00e9", [], new DigestStat(-1, 0, 0, 0, 0, -1, 0, 0, long.MinValue)));
        Assert.Equal(68323592L, calculator.Calculate("/", [], Zero));
        Assert.Equal(calculator.Calculate("", [], Zero), calculator.Calculate("/", [], Zero));
        Assert.Equal(1303661912L, calculator.Calculate("/zookeeper", [], Zero));
        Assert.Equal(0L, calculator.Calculate("/zookeeper/quota", [], Zero));
        Assert.Equal(0L, calculator.Calculate("/zookeeper/anything/below", "x"u8, Zero));
        Assert.NotEqual(0L, calculator.Calculate("/zookeeperx", [], Zero));
    }

    [Fact]
    public void A_long_path_grows_the_buffer()
    {
        var calculator = new DigestCalculator();
        var path = "/" + new string('p', 5000);
        var first = calculator.Calculate(path, [], Zero);
        Assert.Equal(first, new DigestCalculator().Calculate(path, [], Zero));
        Assert.NotEqual(first, calculator.Calculate(path + "q", [], Zero));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_kept_digest_equals_one_recomputed_over_every_node(int seed)
    {
        var live = new Harness(new PrepSettings(ExtendedTypesEnabled: true));
        var generator = new RandomWorkload(seed, live);
        for (var i = 0; i < 600; i++)
        {
            generator.Step();
            if (i % 50 == 0) Assert.Equal(Recomputed(live.Tree), live.Tree.TreeDigest);
        }
        Assert.Equal(Recomputed(live.Tree), live.Tree.TreeDigest);

        var stream = new MemoryStream();
        SnapshotSerializer.Serialize(live.Tree, stream);
        var restored = SnapshotSerializer.Deserialize(new MemoryStream(stream.ToArray()), live.Tree.LastProcessedZxid, extendedTypesEnabled: true);
        Assert.Equal(live.Tree.TreeDigest, restored.TreeDigest);

        var replayed = new DataTree(extendedTypesEnabled: true);
        foreach (var txn in live.Log) replayed.ProcessTxn(txn);
        Assert.Equal(live.Tree.TreeDigest, replayed.TreeDigest);
    }

    [Fact]
    public void Every_change_of_a_node_moves_the_digest_and_undoing_it_restores_it()
    {
        var h = new Harness();
        var fresh = h.Tree.TreeDigest;
        h.Create("/a", "x");
        var withA = h.Tree.TreeDigest;
        Assert.NotEqual(fresh, withA);
        h.SetData("/a", "y");
        Assert.NotEqual(withA, h.Tree.TreeDigest);
        h.Run(new PrepOp.SetAcl("/a", Acl.ReadAclUnsafe, -1));
        Assert.Equal(Recomputed(h.Tree), h.Tree.TreeDigest);
        h.Delete("/a");
        Assert.Equal(Recomputed(h.Tree), h.Tree.TreeDigest);
        // The root's pzxid and cversion moved, so the tree is not the fresh one.
        Assert.NotEqual(fresh, h.Tree.TreeDigest);
    }

    [Fact]
    public void Quota_nodes_do_not_enter_the_digest()
    {
        var h = new Harness();
        h.Create("/app", "");
        var before = h.Tree.TreeDigest;
        h.Create("/zookeeper/quota/app", "");
        h.Create("/zookeeper/quota/app/zookeeper_limits", "count=10,bytes=-1");
        h.Create("/zookeeper/quota/app/zookeeper_stats", "count=1,bytes=0");
        Assert.Equal(before, h.Tree.TreeDigest);
        h.Create("/app/child", "12345");   // updates /zookeeper/quota/app/zookeeper_stats locally
        Assert.Equal(Recomputed(h.Tree), h.Tree.TreeDigest);
    }

    [Fact]
    public void The_history_keeps_the_digest_at_every_multiple_of_0x80()
    {
        var h = new Harness();
        h.Create("/n", "");
        for (var i = 0; i < 0x180; i++)
        {
            h.SetData("/n", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (h.Tree.LastProcessedZxid == 0x100) Assert.Equal(h.Tree.TreeDigest, h.Tree.DigestHistory[^1].Digest);
        }
        Assert.Equal([0x80L, 0x100L, 0x180L], h.Tree.DigestHistory.Select(d => d.Zxid));
        Assert.All(h.Tree.DigestHistory, d => Assert.Equal(DigestCalculator.Version, d.DigestVersion));
        Assert.Equal(new ZxidDigest(0x181, 2, h.Tree.TreeDigest), h.Tree.LastProcessedZxidDigest);
        Assert.NotEqual(h.Tree.TreeDigest, h.Tree.DigestHistory[^1].Digest);   // 0x181 changed /n again
    }

    [Fact]
    public void A_multi_is_logged_once_under_its_zxid()
    {
        var h = new Harness();
        for (var i = 0; i < 0x7f; i++) h.Create($"/n{i}", "");
        h.Multi(Harness.CreateOp("/m1"), Harness.CreateOp("/m2"));
        Assert.Equal(0x80, h.Tree.LastProcessedZxid);
        Assert.Equal([new ZxidDigest(0x80, 2, h.Tree.TreeDigest)], h.Tree.DigestHistory);
    }

    [Fact]
    public void The_history_keeps_the_newest_1024_entries()
    {
        var tree = new DataTree();
        var header = new TxnHeader(1, 1, 0, 0, OpCode.Error);
        for (long zxid = 0x80; zxid <= 0x80 * 1030; zxid += 0x80)
            tree.ProcessTxn(new Txn(header with { Zxid = zxid }, new ErrorTxn(0)));
        Assert.Equal(1024, tree.DigestHistory.Count);
        Assert.Equal(0x80 * 7, tree.DigestHistory[0].Zxid);
        Assert.Equal(0x80 * 1030, tree.DigestHistory[^1].Zxid);
    }

    [Fact]
    public void A_txn_digest_matches_when_equal_or_not_comparable()
    {
        var tree = new DataTree();
        Assert.True(tree.MatchesDigest(null));
        Assert.True(tree.MatchesDigest(new TxnDigest(2, tree.TreeDigest)));
        Assert.False(tree.MatchesDigest(new TxnDigest(2, tree.TreeDigest + 1)));
        Assert.True(tree.MatchesDigest(new TxnDigest(1, tree.TreeDigest + 1)));
    }

    [Fact]
    public void Disabled_the_digest_stays_zero_and_enabled_again_it_is_computed_afresh()
    {
        var h = new Harness();
        h.Tree.DigestEnabled = false;
        Assert.Equal(0, h.Tree.TreeDigest);
        for (var i = 0; i < 0x80; i++) h.Create($"/n{i}", "x");
        Assert.Equal([new ZxidDigest(0x80, 2, 0)], h.Tree.DigestHistory);
        Assert.True(h.Tree.MatchesDigest(new TxnDigest(2, 12345)));
        Assert.Null(new DigestPredictor(h.Tree).Next(h.PrepOnly(Harness.CreateOp("/more"))));

        h.Tree.DigestEnabled = true;
        Assert.Equal(Recomputed(h.Tree), h.Tree.TreeDigest);
        h.Delete("/n3");
        Assert.Equal(Recomputed(h.Tree), h.Tree.TreeDigest);
    }

    /// <summary>The digest from scratch: every node of the map but the "/" alias.</summary>
    private static long Recomputed(DataTree tree)
    {
        var calculator = new DigestCalculator();
        long sum = 0;
        foreach (var (path, node) in tree.NodeEntries)
        {
            if (path == "/") continue;
            sum = unchecked(sum + calculator.Calculate(path, node.Data, node.DigestStat));
        }
        return sum;
    }
}
