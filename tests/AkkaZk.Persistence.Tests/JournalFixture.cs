using Microsoft.Data.Sqlite;

namespace AkkaZk.Persistence.Tests;

/// <summary>Raw access to a closed journal's database, to damage it the way a disk would.</summary>
internal static class JournalFixture
{
    public static SqliteJournal Open(TempDirectory dir, ListLogger? logger = null) =>
        SqliteJournal.Open(dir.Path, new JournalOptions(Fsync: false), logger);

    public static void FlipByte(TempDirectory dir, long zxid, int offset)
    {
        using var connection = Raw(dir);
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT data FROM txns WHERE zxid = $z";
        read.Parameters.AddWithValue("$z", zxid);
        var data = (byte[])read.ExecuteScalar()!;
        data[offset] ^= 0x5A;
        using var write = connection.CreateCommand();
        write.CommandText = "UPDATE txns SET data = $d WHERE zxid = $z";
        write.Parameters.AddWithValue("$d", data);
        write.Parameters.AddWithValue("$z", zxid);
        Assert.Equal(1, write.ExecuteNonQuery());
    }

    public static SqliteConnection Raw(TempDirectory dir)
    {
        var connection = new SqliteConnection($"Data Source={dir.File("journal.db")};Pooling=False");
        connection.Open();
        return connection;
    }
}
