namespace AkkaZk.Persistence.Tests;

public sealed class PurgerTests
{
    [Fact]
    public void Keeps_n_snapshots_and_the_journal_from_the_oldest_kept()
    {
        using var dir = new TempDirectory();
        var snapshots = new SnapshotStore(dir.Path);
        using var journal = JournalFixture.Open(dir);
        journal.Append(TestTxns.Range(1, 50));
        foreach (var zxid in new long[] { 10, 20, 30, 40 }) snapshots.Save(zxid, new byte[] { 1 });

        var result = Purger.Purge(snapshots, journal, 3);

        Assert.Equal(new PurgeResult(20, 19), result);
        Assert.Equal(new long[] { 40, 30, 20 }, snapshots.List().Select(s => s.Zxid));
        Assert.Equal(20, journal.FirstZxid);
        // Everything needed to recover from the oldest kept snapshot is still there.
        Assert.Equal(TestTxns.Sequence(21, 50), journal.ReadAfter(20).Zxids());
    }

    [Fact]
    public void Without_a_valid_snapshot_the_journal_is_untouched()
    {
        using var dir = new TempDirectory();
        var snapshots = new SnapshotStore(dir.Path);
        using var journal = JournalFixture.Open(dir);
        journal.Append(TestTxns.Range(1, 5));
        File.WriteAllBytes(dir.File("snapshot.3"), [0]);

        Assert.Equal(new PurgeResult(0, 0), Purger.Purge(snapshots, journal, 3));
        Assert.Equal(5, journal.Count);
    }
}
