using AkkaZk.Jute;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkkaZk.Persistence;

/// <summary>
/// The transaction log, in place of ZooKeeper's log.&lt;zxid&gt; files: one SQLite database
/// (<c>&lt;dir&gt;/journal.db</c>, WAL mode) with a row per txn holding ZooKeeper's txn-entry bytes and an Adler-32
/// checksum. A batch is one SQLite transaction, so one fsync, and is durable when <see cref="Append"/> returns.
/// <para>
/// Start-up: every row's checksum is verified. As ZooKeeper truncates a log at its first bad entry, the first bad
/// row and everything after it are deleted with a warning. A file SQLite cannot read (not a database, or reported
/// malformed) is a different matter: it is moved aside to <c>journal.db.corrupt-&lt;utc time&gt;</c> and <see cref="JournalCorruptException"/> is
/// thrown, so the start fails loudly and the operator decides (restart on an empty journal and resync from the
/// leader, or restore); the damaged file is kept, never overwritten.
/// </para>
/// Not thread-safe: one owner (the persistence actor) calls it at a time, and an enumeration from
/// <see cref="ReadAfter"/> must finish before the next call.
/// </summary>
public sealed class SqliteJournal : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly JournalWriter _writer;
    private readonly ILogger _logger;
    private bool _disposed;

    private SqliteJournal(SqliteConnection connection, JournalScan scan, ILogger logger)
    {
        _connection = connection;
        _writer = new JournalWriter(connection);
        _logger = logger;
        Count = scan.Count;
        FirstZxid = scan.FirstZxid;
        LastZxid = scan.LastZxid;
    }

    /// <summary>The newest zxid stored; 0 when the journal is empty.</summary>
    public long LastZxid { get; private set; }

    /// <summary>The oldest zxid stored; 0 when the journal is empty.</summary>
    public long FirstZxid { get; private set; }

    public int Count { get; private set; }

    /// <summary>SQLite commits made by this instance (one per non-empty batch); for tests and metrics.</summary>
    internal long Commits => _writer.Commits;

    public static SqliteJournal Open(string directory, JournalOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        logger ??= NullLogger.Instance;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, JournalDatabase.FileName);
        SqliteConnection? connection = null;
        try
        {
            connection = JournalDatabase.Open(path, options.Fsync);
            var scan = JournalScan.Run(connection);
            if (scan.FirstBadZxid is long bad) DiscardTail(connection, bad, path, logger);
            return new SqliteJournal(connection, scan, logger);
        }
        catch (SqliteException ex) when (JournalDatabase.IsUnreadable(ex))
        {
            connection?.Dispose();
            var movedTo = JournalDatabase.MoveAside(path, DateTime.UtcNow);
            logger.LogError("{Path} is not a readable SQLite database ({Reason}); moved it to {MovedTo}",
                path, ex.Message, movedTo);
            throw new JournalCorruptException($"{path} is not a readable SQLite database; moved to {movedTo}", movedTo, ex);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>Serialises and appends the txns as one durable batch (see <see cref="AppendSerialized"/>).</summary>
    public void Append(IReadOnlyList<Txn> txns)
    {
        ArgumentNullException.ThrowIfNull(txns);
        var batch = new SerializedTxn[txns.Count];
        for (var i = 0; i < batch.Length; i++) batch[i] = SerializedTxn.From(txns[i]);
        AppendSerialized(batch);
    }

    /// <summary>
    /// Appends the batch in one SQLite transaction and one commit; durable (with fsync on) when it returns.
    /// Zxids must increase, starting above <see cref="LastZxid"/>; otherwise it throws and nothing is written.
    /// </summary>
    public void AppendSerialized(IReadOnlyList<SerializedTxn> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (batch.Count == 0) return;
        _writer.Write(batch, LastZxid);
        if (Count == 0) FirstZxid = batch[0].Zxid;
        LastZxid = batch[^1].Zxid;
        Count += batch.Count;
    }

    /// <summary>Txns with zxid greater than <paramref name="zxid"/>, ascending, each checksum-verified.</summary>
    public IEnumerable<Txn> ReadAfter(long zxid) => ReadSerializedAfter(zxid).Select(entry => entry.Deserialize());

    /// <summary>
    /// As <see cref="ReadAfter"/> but the raw entry bytes, for shipping to a learner without re-serialising.
    /// A row that fails its checksum throws <see cref="JournalCorruptException"/>: it is never returned.
    /// </summary>
    public IEnumerable<SerializedTxn> ReadSerializedAfter(long zxid)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Read(zxid);
    }

    /// <summary>Deletes every txn with zxid greater than <paramref name="zxid"/> (ZAB TRUNC); returns the rows deleted.</summary>
    public int TruncateAfter(long zxid) => Delete("DELETE FROM txns WHERE zxid > $zxid;", zxid);

    /// <summary>Deletes every txn with zxid less than <paramref name="zxid"/> (autopurge); returns the rows deleted.</summary>
    public int PurgeBefore(long zxid) => Delete("DELETE FROM txns WHERE zxid < $zxid;", zxid);

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _writer.Dispose();
        _connection.Dispose();
    }

    private IEnumerable<SerializedTxn> Read(long after)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT zxid, data, crc FROM txns WHERE zxid > $after ORDER BY zxid;";
        command.Parameters.AddWithValue("$after", after);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var zxid = reader.GetInt64(0);
            var data = reader.GetFieldValue<byte[]>(1);
            if (JournalChecksum.Compute(zxid, data) != reader.GetInt64(2))
                throw new JournalCorruptException($"journal row 0x{zxid:x} failed its checksum");
            yield return new SerializedTxn(zxid, data);
        }
    }

    private int Delete(string sql, long zxid)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int deleted;
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = sql;
            command.Parameters.AddWithValue("$zxid", zxid);
            deleted = command.ExecuteNonQuery();
        }
        if (deleted > 0) RefreshBounds(deleted);
        return deleted;
    }

    private void RefreshBounds(int deleted)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT coalesce(min(zxid), 0), coalesce(max(zxid), 0) FROM txns;";
        using var reader = command.ExecuteReader();
        reader.Read();
        FirstZxid = reader.GetInt64(0);
        LastZxid = reader.GetInt64(1);
        Count -= deleted;
    }

    private static void DiscardTail(SqliteConnection connection, long firstBad, string path, ILogger logger)
    {
        long last;
        int deleted;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT max(zxid) FROM txns;";
            last = (long)command.ExecuteScalar()!;
            command.CommandText = "DELETE FROM txns WHERE zxid >= $bad;";
            command.Parameters.AddWithValue("$bad", firstBad);
            deleted = command.ExecuteNonQuery();
        }
        // As ZooKeeper's log reader stops at the first entry whose checksum fails, nothing after it is trusted.
        logger.LogWarning("{Path}: discarded the corrupt tail 0x{First:x}..0x{Last:x} ({Count} rows) from the first row whose checksum failed",
            path, firstBad, last, deleted);
    }
}
