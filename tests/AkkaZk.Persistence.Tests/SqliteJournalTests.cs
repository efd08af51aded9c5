using AkkaZk.Jute;

namespace AkkaZk.Persistence.Tests;

public sealed class SqliteJournalTests
{
    [Fact]
    public void Empty_journal_reports_zero_bounds()
    {
        using var dir = new TempDirectory();
        using var journal = JournalFixture.Open(dir);
        Assert.Equal(0, journal.LastZxid);
        Assert.Equal(0, journal.FirstZxid);
        Assert.Equal(0, journal.Count);
        Assert.Empty(journal.ReadAfter(0));
    }

    [Fact]
    public void Appended_txns_read_back_equal_and_survive_reopen()
    {
        using var dir = new TempDirectory();
        var txns = TestTxns.Range(0x100000001, 5);
        using (var journal = JournalFixture.Open(dir))
        {
            journal.Append(txns[..2]);
            journal.Append(txns[2..]);
        }

        using var reopened = JournalFixture.Open(dir);
        Assert.Equal(0x100000001, reopened.FirstZxid);
        Assert.Equal(0x100000005, reopened.LastZxid);
        Assert.Equal(5, reopened.Count);
        var read = reopened.ReadAfter(0).ToList();
        Assert.Equal(txns.Select(TxnCodec.Serialize), read.Select(TxnCodec.Serialize));
        Assert.Equal(txns[0].Header, read[0].Header);
        Assert.Equal(new long[] { 0x100000004, 0x100000005 }, reopened.ReadAfter(0x100000003).Zxids());
    }

    [Fact]
    public void Append_serialized_stores_the_given_bytes()
    {
        using var dir = new TempDirectory();
        using var journal = JournalFixture.Open(dir);
        var batch = TestTxns.Range(1, 3).Select(SerializedTxn.From).ToArray();
        journal.AppendSerialized(batch);
        Assert.Equal(batch.Select(b => b.Bytes), journal.ReadSerializedAfter(0).Select(s => s.Bytes));
    }

    [Fact]
    public void A_batch_is_one_commit()
    {
        using var dir = new TempDirectory();
        using var journal = SqliteJournal.Open(dir.Path, JournalOptions.Durable);
        var before = journal.Commits;
        journal.Append(TestTxns.Range(1, 100));
        Assert.Equal(before + 1, journal.Commits);
        journal.Append(TestTxns.Range(101, 1));
        Assert.Equal(before + 2, journal.Commits);
        journal.Append([]);
        Assert.Equal(before + 2, journal.Commits);
    }

    [Fact]
    public void A_batch_failing_midway_leaves_nothing()
    {
        using var dir = new TempDirectory();
        using var journal = JournalFixture.Open(dir);
        journal.Append(TestTxns.Range(1, 2));

        // 3 and 4 are inserted before 4 repeats; the whole batch must roll back.
        var bad = new[] { TestTxns.SetData(3), TestTxns.SetData(4), TestTxns.SetData(4) };
        Assert.Throws<ArgumentException>(() => journal.Append(bad));

        Assert.Equal(2, journal.LastZxid);
        Assert.Equal(2, journal.Count);
        Assert.Equal(new long[] { 1, 2 }, journal.ReadAfter(0).Zxids());
        journal.Append(TestTxns.Range(3, 2));
        Assert.Equal(TestTxns.Sequence(1, 4), journal.ReadAfter(0).Zxids());
    }

    [Fact]
    public void Zxids_must_increase_past_the_last_one()
    {
        using var dir = new TempDirectory();
        using var journal = JournalFixture.Open(dir);
        journal.Append(TestTxns.Range(10, 1));
        Assert.Throws<ArgumentException>(() => journal.Append([TestTxns.SetData(10)]));
        Assert.Throws<ArgumentException>(() => journal.Append([TestTxns.SetData(9)]));
        Assert.Throws<ArgumentException>(() => journal.Append([TestTxns.SetData(12), TestTxns.SetData(11)]));
        Assert.Equal(new long[] { 10 }, journal.ReadAfter(0).Zxids());
    }

    [Fact]
    public void Serialized_entry_must_carry_its_own_zxid()
    {
        using var dir = new TempDirectory();
        using var journal = JournalFixture.Open(dir);
        var bytes = TxnCodec.Serialize(TestTxns.SetData(7));
        Assert.Throws<ArgumentException>(() => journal.AppendSerialized([new SerializedTxn(8, bytes)]));
        Assert.Throws<ArgumentException>(() => journal.AppendSerialized([new SerializedTxn(7, bytes[..20])]));
        Assert.Equal(0, journal.Count);
    }

    [Fact]
    public void Truncate_after_drops_the_newer_entries()
    {
        using var dir = new TempDirectory();
        using var journal = JournalFixture.Open(dir);
        journal.Append(TestTxns.Range(1, 10));

        Assert.Equal(4, journal.TruncateAfter(6));
        Assert.Equal(6, journal.LastZxid);
        Assert.Equal(6, journal.Count);
        Assert.Equal(TestTxns.Sequence(1, 6), journal.ReadAfter(0).Zxids());
        // After a TRUNC the follower logs the leader's history from there on.
        journal.Append(TestTxns.Range(7, 1));
        Assert.Equal(7, journal.LastZxid);

        Assert.Equal(7, journal.TruncateAfter(0));
        Assert.Equal((0L, 0L, 0), (journal.FirstZxid, journal.LastZxid, journal.Count));
    }

    [Fact]
    public void Purge_before_drops_the_older_entries()
    {
        using var dir = new TempDirectory();
        using var journal = JournalFixture.Open(dir);
        journal.Append(TestTxns.Range(1, 10));

        Assert.Equal(4, journal.PurgeBefore(5));
        Assert.Equal((5L, 10L, 6), (journal.FirstZxid, journal.LastZxid, journal.Count));
        Assert.Equal(TestTxns.Sequence(5, 10), journal.ReadAfter(0).Zxids());
        Assert.Equal(0, journal.PurgeBefore(5));
    }

    [Fact]
    public void Disposed_journal_refuses_calls()
    {
        using var dir = new TempDirectory();
        var journal = JournalFixture.Open(dir);
        journal.Dispose();
        Assert.Throws<ObjectDisposedException>(() => journal.Append(TestTxns.Range(1, 1)));
        Assert.Throws<ObjectDisposedException>(() => journal.ReadAfter(0));
    }
}
