using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AkkaZk.Persistence;

/// <summary>
/// The append path of <see cref="SqliteJournal"/>: BEGIN, one INSERT per txn and COMMIT, all compiled once and
/// reused, so a batch costs no statement compilation. The BEGIN/COMMIT are plain SQL (not an ADO transaction
/// object) so that they too are prepared statements. Not thread-safe: owned by one journal.
/// </summary>
internal sealed class JournalWriter : IDisposable
{
    // TxnHeader is clientId(8) cxid(4) zxid(8) time(8) type(4): the zxid sits at offset 12 (QUORUM 10.1).
    private const int HeaderZxidOffset = 12;
    private const int HeaderLength = 32;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;
    private readonly SqliteParameter _zxid;
    private readonly SqliteParameter _data;
    private readonly SqliteParameter _crc;
    private readonly delegate_commit _onCommit;
    private long _commits;

    public JournalWriter(SqliteConnection connection)
    {
        _connection = connection;
        // IMMEDIATE takes the write lock at BEGIN, so a failure to lock shows before any row is bound.
        _begin = Prepare("BEGIN IMMEDIATE;");
        _commit = Prepare("COMMIT;");
        _rollback = Prepare("ROLLBACK;");
        _insert = connection.CreateCommand();
        _insert.CommandText = "INSERT INTO txns(zxid, data, crc) VALUES ($zxid, $data, $crc);";
        _zxid = _insert.Parameters.Add("$zxid", SqliteType.Integer);
        _data = _insert.Parameters.Add("$data", SqliteType.Blob);
        _crc = _insert.Parameters.Add("$crc", SqliteType.Integer);
        _insert.Prepare();
        // Counts real commits (each one a WAL fsync under synchronous=FULL); kept in a field so it is not collected.
        _onCommit = _ => { _commits++; return 0; };
        raw.sqlite3_commit_hook(connection.Handle, _onCommit, null);
    }

    /// <summary>Commits observed on this connection since it was opened.</summary>
    public long Commits => _commits;

    /// <summary>
    /// Writes the batch in one transaction. Validation runs inside it, so a bad entry midway rolls back the
    /// entries before it: the batch lands whole or not at all.
    /// </summary>
    public void Write(IReadOnlyList<SerializedTxn> batch, long lastZxid)
    {
        _begin.ExecuteNonQuery();
        try
        {
            var previous = lastZxid;
            foreach (var txn in batch)
            {
                Validate(txn, previous);
                _zxid.Value = txn.Zxid;
                _data.Value = txn.Bytes;
                _crc.Value = JournalChecksum.Compute(txn.Zxid, txn.Bytes);
                _insert.ExecuteNonQuery();
                previous = txn.Zxid;
            }
            _commit.ExecuteNonQuery();
        }
        catch
        {
            // SQLite may already have rolled back on an I/O error; only roll back a transaction that is still open.
            if (raw.sqlite3_get_autocommit(_connection.Handle) == 0) _rollback.ExecuteNonQuery();
            throw;
        }
        finally
        {
            _data.Value = null;
        }
    }

    public void Dispose()
    {
        raw.sqlite3_commit_hook(_connection.Handle, null, null);
        _begin.Dispose();
        _insert.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
    }

    private static void Validate(SerializedTxn? txn, long previous)
    {
        if (txn is null || txn.Bytes is null) throw new ArgumentException("A batch entry or its bytes is null");
        if (txn.Zxid <= previous)
            throw new ArgumentException($"zxid 0x{txn.Zxid:x} is not after 0x{previous:x}: journal zxids must increase");
        if (txn.Bytes.Length < HeaderLength ||
            BinaryPrimitives.ReadInt64BigEndian(txn.Bytes.AsSpan(HeaderZxidOffset)) != txn.Zxid)
            throw new ArgumentException($"Entry 0x{txn.Zxid:x} does not start with a TxnHeader for that zxid");
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Prepare();
        return command;
    }
}
