using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AkkaZk.Persistence;

/// <summary>Opening, configuring and moving aside the journal's SQLite file.</summary>
internal static class JournalDatabase
{
    public const string FileName = "journal.db";

    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private static readonly string[] _sidecarSuffixes = ["-wal", "-shm"];

    public static SqliteConnection Open(string path, bool fsync)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // No pool: Dispose must really close the file, so a restart (or a move-aside) sees it released.
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            // The first statement is the first read of the file header: a file that is not a database fails here.
            var mode = Execute(connection, "PRAGMA journal_mode=WAL;") as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                throw new IOException($"{path}: SQLite refused WAL mode (got '{mode}')");
            // WAL + FULL syncs the WAL on every commit: one fsync per batch, as ZooKeeper's FileTxnLog.commit.
            Execute(connection, fsync ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
            Execute(connection,
                "CREATE TABLE IF NOT EXISTS txns(zxid INTEGER PRIMARY KEY, data BLOB NOT NULL, crc INTEGER NOT NULL);");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static bool IsUnreadable(SqliteException exception) =>
        exception.SqliteErrorCode is SqliteNotADatabase or SqliteCorrupt;

    /// <summary>Renames the database and its WAL/SHM sidecars to <c>journal.db.corrupt-&lt;utc time&gt;</c>.</summary>
    public static string MoveAside(string path, DateTime utcNow)
    {
        var stamp = utcNow.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var target = $"{path}.corrupt-{stamp}";
        for (var n = 1; File.Exists(target); n++) target = $"{path}.corrupt-{stamp}-{n}";
        File.Move(path, target);
        // A stale WAL left beside a fresh database could be replayed into it, so it goes with the damaged file.
        foreach (var suffix in _sidecarSuffixes)
        {
            if (File.Exists(path + suffix)) File.Move(path + suffix, target + suffix);
        }
        return target;
    }

    private static object? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
