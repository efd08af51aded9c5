using AkkaZk.Jute;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Persistence.Tests;

using DataTree = AkkaZk.DataTree.DataTree;
using SnapshotSerializer = AkkaZk.DataTree.SnapshotSerializer;

public sealed class TreeRecoveryTests
{
    private const int TxnCount = 600;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Snapshot_plus_replay_equals_the_live_tree(int seed)
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        using var journal = JournalFixture.Open(dir);
        var live = Run(seed, journal, store, snapshotAt: [TxnCount / 2]);

        var logger = new ListLogger();
        var result = TreeRecovery.Recover(store, journal, logger);

        Assert.Equal(Zxid(TxnCount / 2), result.SnapshotZxid);
        Assert.Equal(TxnCount / 2, result.TxnsReplayed);
        Assert.Equal(live.LastProcessedZxid, result.Tree.LastProcessedZxid);
        Assert.Equal(live.NodeCount, result.Tree.NodeCount);
        Assert.True(live.NodeCount > 50, $"only {live.NodeCount} nodes");
        Assert.NotEmpty(live.SessionsWithTimeouts);
        Assert.Equal(CanonicalSnapshot.Of(live), CanonicalSnapshot.Of(result.Tree));
        Assert.Contains("300 journal txns", Assert.Single(logger.At(LogLevel.Information)));
        Assert.Empty(logger.At(LogLevel.Warning));
    }

    [Fact]
    public void Without_a_snapshot_the_whole_journal_is_replayed_onto_a_fresh_tree()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        using var journal = JournalFixture.Open(dir);
        var live = Run(4, journal, store, snapshotAt: []);

        var result = TreeRecovery.Recover(store, journal);

        Assert.Equal(0, result.SnapshotZxid);
        Assert.Equal(TxnCount, result.TxnsReplayed);
        Assert.Equal(CanonicalSnapshot.Of(live), CanonicalSnapshot.Of(result.Tree));
    }

    [Fact]
    public void A_damaged_or_unparseable_newest_snapshot_falls_back_to_an_older_one()
    {
        using var dir = new TempDirectory();
        var logger = new ListLogger();
        var store = new SnapshotStore(dir.Path, logger);
        using var journal = JournalFixture.Open(dir);
        var live = Run(5, journal, store, snapshotAt: [200, 400]);
        // Newest: bad seal. Next: sealed, but a payload the serializer rejects.
        var newest = store.List()[0];
        var bytes = File.ReadAllBytes(newest.Path);
        bytes[100] ^= 1;
        File.WriteAllBytes(newest.Path, bytes);
        store.Save(Zxid(300), new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF });
        logger.Entries.Clear();

        var result = TreeRecovery.Recover(store, journal, logger);

        Assert.Equal(Zxid(200), result.SnapshotZxid);
        Assert.Equal(TxnCount - 200, result.TxnsReplayed);
        Assert.Equal(CanonicalSnapshot.Of(live), CanonicalSnapshot.Of(result.Tree));
        var warnings = logger.At(LogLevel.Warning).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(newest.Path, warnings[0]);
        Assert.Contains("does not parse", warnings[1]);
    }

    [Fact]
    public void A_journal_gap_after_the_snapshot_is_reported()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        using var journal = JournalFixture.Open(dir);
        Run(6, journal, store, snapshotAt: [100]);
        journal.PurgeBefore(Zxid(150));

        var logger = new ListLogger();
        TreeRecovery.Recover(store, journal, logger);

        Assert.Contains("gap", Assert.Single(logger.At(LogLevel.Warning)));
    }

    [Fact]
    public void Without_a_snapshot_a_journal_not_starting_an_epoch_is_reported()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        using var journal = JournalFixture.Open(dir);
        Run(7, journal, store, snapshotAt: []);
        journal.PurgeBefore(Zxid(2));

        var logger = new ListLogger();
        TreeRecovery.Recover(store, journal, logger);

        Assert.Contains("replay starts at 0x100000002", Assert.Single(logger.At(LogLevel.Warning)));
    }

    private static long Zxid(long counter) => (1L << 32) | counter;

    private static DataTree Run(int seed, SqliteJournal journal, SnapshotStore store, int[] snapshotAt)
    {
        var live = new DataTree();
        var source = new RandomTxnSource(seed);
        var batch = new List<Txn>();
        for (var i = 1; i <= TxnCount; i++)
        {
            var txn = source.Next(live);
            live.ProcessTxn(txn);
            batch.Add(txn);
            // Journal before snapshotting, as the server must: a snapshot never runs ahead of the log.
            if (batch.Count == 7 || i == TxnCount || snapshotAt.Contains(i))
            {
                journal.Append(batch);
                batch.Clear();
            }
            if (snapshotAt.Contains(i)) store.Save(live.LastProcessedZxid, output => SnapshotSerializer.Serialize(live, output));
        }
        return live;
    }
}
