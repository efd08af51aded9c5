using AkkaZk.DataTree;
using AkkaZk.Jute;
using AkkaZk.Jute.Quorum;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Persistence.Tests;

using DataTree = AkkaZk.DataTree.DataTree;
using SnapshotSerializer = AkkaZk.DataTree.SnapshotSerializer;

/// <summary>Recovery checks the snapshot's digest and each journaled txn's, as ZooKeeper's restore does.</summary>
public sealed class RecoveryDigestTests
{
    private const int TxnCount = 200;

    [Fact]
    public void A_snapshot_and_journal_with_true_digests_recover_without_a_mismatch()
    {
        var (result, errors, live) = JournalAndRecover(snapshotAt: 120, snapshotDigest: tree => tree.LastProcessedZxidDigest);

        Assert.Equal(0, result.DigestMismatches);
        Assert.Equal(live.TreeDigest, result.Tree.TreeDigest);
        Assert.Empty(errors);
    }

    [Fact]
    public void A_wrong_snapshot_digest_is_reported_once()
    {
        var (result, errors, _) = JournalAndRecover(snapshotAt: 120,
            snapshotDigest: tree => tree.LastProcessedZxidDigest with { Digest = tree.TreeDigest + 1 });

        Assert.Equal(1, result.DigestMismatches);
        Assert.Contains("snapshot's zxid 0x100000078", Assert.Single(errors));
    }

    [Fact]
    public void A_digest_ahead_of_its_fuzzy_snapshot_is_checked_when_replay_reaches_it()
    {
        // The digest names zxid 130 but is wrong there; txn digests up to it are not compared (one is wrong too).
        var (result, errors, _) = JournalAndRecover(snapshotAt: 120, snapshotDigest: _ => new ZxidDigest(Zxid(130), 2, 42), wrongDigestAt: 125);

        Assert.Equal(1, result.DigestMismatches);
        Assert.Contains("snapshot's zxid 0x100000082", Assert.Single(errors));
    }

    [Fact]
    public void A_wrong_txn_digest_in_the_journal_is_counted_and_logged_once()
    {
        var (result, errors, _) = JournalAndRecover(snapshotAt: null, snapshotDigest: null, wrongDigestAt: 150, otherVersionAt: 140);

        Assert.Equal(1, result.DigestMismatches);
        Assert.Contains("replayed txn 0x100000096", Assert.Single(errors));
    }

    private static (RecoveryResult Result, List<string> Errors, DataTree Live) JournalAndRecover(int? snapshotAt,
        Func<DataTree, ZxidDigest?>? snapshotDigest, int? wrongDigestAt = null, int? otherVersionAt = null)
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        using var journal = JournalFixture.Open(dir);
        var live = Run(journal, store, snapshotAt, snapshotDigest, wrongDigestAt, otherVersionAt);
        var logger = new ListLogger();
        var result = TreeRecovery.Recover(store, journal, logger);
        return (result, [.. logger.At(LogLevel.Error)], live);
    }

    private static long Zxid(long counter) => (1L << 32) | counter;

    /// <summary>
    /// Journals txns as a leader's proposals (each with the tree digest after it; at <paramref name="wrongDigestAt"/>
    /// off by one, at <paramref name="otherVersionAt"/> off by one under digest version 1) and snapshots the tree
    /// once, at <paramref name="snapshotAt"/>, with the digest <paramref name="snapshotDigest"/> gives.
    /// </summary>
    private static DataTree Run(SqliteJournal journal, SnapshotStore store, int? snapshotAt, Func<DataTree, ZxidDigest?>? snapshotDigest,
        int? wrongDigestAt = null, int? otherVersionAt = null)
    {
        var live = new DataTree();
        var source = new RandomTxnSource(7);
        for (var i = 1; i <= TxnCount; i++)
        {
            var txn = source.Next(live);
            live.ProcessTxn(txn);
            var digest = new TxnDigest(i == otherVersionAt ? 1 : DigestCalculator.Version,
                live.TreeDigest + (i == wrongDigestAt || i == otherVersionAt ? 1 : 0));
            journal.AppendSerialized([new SerializedTxn(txn.Zxid, new TxnLogEntry(txn, digest).ToBytes())]);
            if (i == snapshotAt)
                store.Save(live.LastProcessedZxid, output => SnapshotSerializer.Serialize(live, output), snapshotDigest!(live));
        }
        return live;
    }
}
