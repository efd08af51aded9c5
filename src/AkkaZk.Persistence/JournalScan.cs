using Microsoft.Data.Sqlite;

namespace AkkaZk.Persistence;

/// <summary>
/// What the start-up scan found: the bounds of the verified prefix, and the first row whose checksum failed
/// (null when every row verified).
/// </summary>
internal sealed record JournalScan(int Count, long FirstZxid, long LastZxid, long? FirstBadZxid)
{
    /// <summary>Streams the whole table once in zxid order, checking every row's checksum.</summary>
    public static JournalScan Run(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT zxid, data, crc FROM txns ORDER BY zxid;";
        using var reader = command.ExecuteReader();
        int count = 0;
        long first = 0, last = 0;
        while (reader.Read())
        {
            var zxid = reader.GetInt64(0);
            // GetFieldValue copies the blob straight from the row; GetBytes goes through a blob handle per call,
            // which made this scan several times slower.
            var data = reader.GetFieldValue<byte[]>(1);
            if (JournalChecksum.Compute(zxid, data) != reader.GetInt64(2))
                return new JournalScan(count, first, last, zxid);
            if (count++ == 0) first = zxid;
            last = zxid;
        }
        return new JournalScan(count, first, last, null);
    }
}
