using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AkkaZk.Persistence;

/// <summary>
/// What the start-up scan found: the bounds of the verified prefix, and the first row whose checksum failed
/// (null when every row verified).
/// </summary>
internal sealed record JournalScan(int Count, long FirstZxid, long LastZxid, long? FirstBadZxid)
{
    /// <summary>
    /// Streams the whole table once in zxid order, checking every row's checksum. It steps a raw statement and
    /// checksums each blob in place (a span into SQLite's row), so a million-row journal allocates nothing per
    /// row; through SqliteDataReader every blob was copied into a new array first.
    /// </summary>
    public static JournalScan Run(SqliteConnection connection)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("journal connection is not open");
        Check(db, raw.sqlite3_prepare_v2(db, "SELECT zxid, data, crc FROM txns ORDER BY zxid;", out var statement));
        using (statement)
        {
            int count = 0;
            long first = 0, last = 0;
            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var zxid = raw.sqlite3_column_int64(statement, 0);
                var data = raw.sqlite3_column_blob(statement, 1);
                if (JournalChecksum.Compute(zxid, data) != raw.sqlite3_column_int64(statement, 2))
                    return new JournalScan(count, first, last, zxid);
                if (count++ == 0) first = zxid;
                last = zxid;
            }
            Check(db, step == raw.SQLITE_DONE ? raw.SQLITE_OK : step);
            return new JournalScan(count, first, last, null);
        }
    }

    /// <summary>Errors surface as SqliteException, as through the ADO.NET layer (so a corrupt file is moved aside).</summary>
    private static void Check(sqlite3 db, int rc) => SqliteException.ThrowExceptionForRC(rc, db);
}
