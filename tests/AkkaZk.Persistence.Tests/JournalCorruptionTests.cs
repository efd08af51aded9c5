using Microsoft.Extensions.Logging;

namespace AkkaZk.Persistence.Tests;

public sealed class JournalCorruptionTests
{
    [Theory]
    [InlineData(5, 40)]  // middle row, inside the record
    [InlineData(10, 0)]  // last row, inside the TxnHeader
    public void A_bad_row_and_everything_after_it_is_discarded_with_one_warning(long badZxid, int offset)
    {
        using var dir = new TempDirectory();
        using (var journal = JournalFixture.Open(dir)) journal.Append(TestTxns.Range(1, 10));
        JournalFixture.FlipByte(dir, badZxid, offset);

        var logger = new ListLogger();
        using (var journal = JournalFixture.Open(dir, logger))
        {
            Assert.Equal(TestTxns.Sequence(1, badZxid - 1), journal.ReadAfter(0).Zxids());
            Assert.Equal(badZxid - 1, journal.LastZxid);
            Assert.Equal((int)badZxid - 1, journal.Count);
            var warning = Assert.Single(logger.At(LogLevel.Warning));
            Assert.Contains($"0x{badZxid:x}..0xa", warning);
            Assert.Contains($"({10 - badZxid + 1} rows)", warning);
            journal.Append(TestTxns.Range(badZxid, 1));
        }

        var clean = new ListLogger();
        using var verified = JournalFixture.Open(dir, clean);
        Assert.Empty(clean.At(LogLevel.Warning));
        Assert.Equal(badZxid, verified.LastZxid);
    }

    [Fact]
    public void A_checksum_column_tampered_with_counts_as_corrupt()
    {
        using var dir = new TempDirectory();
        using (var journal = JournalFixture.Open(dir)) journal.Append(TestTxns.Range(1, 3));
        using (var raw = JournalFixture.Raw(dir))
        using (var command = raw.CreateCommand())
        {
            command.CommandText = "UPDATE txns SET crc = crc + 1 WHERE zxid = 2";
            command.ExecuteNonQuery();
        }

        var logger = new ListLogger();
        using var reopened = JournalFixture.Open(dir, logger);
        Assert.Equal(new long[] { 1 }, reopened.ReadAfter(0).Zxids());
        Assert.Single(logger.At(LogLevel.Warning));
    }

    [Fact]
    public void A_row_going_bad_after_open_is_never_returned()
    {
        using var dir = new TempDirectory();
        using var journal = JournalFixture.Open(dir);
        journal.Append(TestTxns.Range(1, 3));
        JournalFixture.FlipByte(dir, 2, 35);

        using var rows = journal.ReadAfter(0).GetEnumerator();
        Assert.True(rows.MoveNext());
        Assert.Equal(1, rows.Current.Zxid);
        Assert.Throws<JournalCorruptException>(() => rows.MoveNext());
    }

    [Fact]
    public void A_garbage_file_is_moved_aside_and_open_throws()
    {
        using var dir = new TempDirectory();
        var garbage = Enumerable.Range(0, 8192).Select(i => (byte)(i * 31)).ToArray();
        File.WriteAllBytes(dir.File("journal.db"), garbage);

        var logger = new ListLogger();
        var error = Assert.Throws<JournalCorruptException>(() => JournalFixture.Open(dir, logger));

        Assert.NotNull(error.MovedTo);
        Assert.StartsWith(dir.File("journal.db.corrupt-"), error.MovedTo);
        Assert.Equal(garbage, File.ReadAllBytes(error.MovedTo!));
        Assert.Contains(error.MovedTo!, Assert.Single(logger.At(LogLevel.Error)));
        // The operator restarts deliberately: a fresh, empty journal.
        using var fresh = JournalFixture.Open(dir);
        Assert.Equal(0, fresh.Count);
    }

    [Fact]
    public void A_truncated_file_is_moved_aside_and_open_throws()
    {
        using var dir = new TempDirectory();
        using (var journal = JournalFixture.Open(dir))
        {
            for (var i = 0; i < 20; i++) journal.Append(TestTxns.Range(i * 50 + 1, 50));
        }
        var path = dir.File("journal.db");
        Assert.False(File.Exists(path + "-wal"));
        var length = new FileInfo(path).Length;
        Assert.True(length > 16 * 4096, $"need a multi-page database, got {length} bytes");
        using (var file = new FileStream(path, FileMode.Open)) file.SetLength(length / 2);

        var error = Assert.Throws<JournalCorruptException>(() => JournalFixture.Open(dir));
        Assert.True(File.Exists(error.MovedTo));
        Assert.False(File.Exists(path));
    }
}
