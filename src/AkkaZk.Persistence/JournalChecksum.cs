using System.Buffers.Binary;

namespace AkkaZk.Persistence;

/// <summary>
/// The per-row checksum of the journal: Adler-32 (ZooKeeper's txn-log entry checksum) over the zxid, big-endian,
/// then the entry bytes. Covering the zxid means a row whose key and blob disagree is caught as well.
/// </summary>
internal static class JournalChecksum
{
    public static long Compute(long zxid, ReadOnlySpan<byte> data)
    {
        Span<byte> key = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(key, zxid);
        return Adler32.Update(Adler32.Update(Adler32.Initial, key), data);
    }
}
