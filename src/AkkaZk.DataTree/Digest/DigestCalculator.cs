using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace AkkaZk.DataTree;

/// <summary>
/// ZooKeeper 3.8's node digest (ZOOKEEPER-3114, digest version 2): CRC-32 over the path's bytes, the data, then
/// 60 big-endian bytes of stat (czxid, mzxid, pzxid, ctime, mtime, version, cversion, aversion, ephemeralOwner).
/// Nodes under "/zookeeper/" count as 0 (quota nodes change locally on each server), and "/" is hashed as "",
/// the key the root has in ZooKeeper's node map. One instance per tree: it reuses its buffers, so it is not
/// thread-safe.
/// </summary>
public sealed class DigestCalculator
{
    /// <summary>DigestCalculator.DIGEST_VERSION in 3.8.</summary>
    public const int Version = 2;

    /// <summary>ZooDefs.ZOOKEEPER_NODE_SUBTREE: the subtree left out of the digest ("/zookeeper" itself counts).</summary>
    public const string ExcludedSubtree = "/zookeeper/";

    private const int StatLength = 8 * 6 + 4 * 3;

    private readonly Crc32 _crc = new();
    private readonly byte[] _stat = new byte[StatLength];
    private byte[] _path = new byte[256];

    public static bool IsExcluded(ReadOnlySpan<char> path) => path.StartsWith(ExcludedSubtree, StringComparison.Ordinal);

    /// <summary>The node's digest: an unsigned 32-bit CRC as a long, 0 for an excluded path.</summary>
    public long Calculate(ReadOnlySpan<char> path, ReadOnlySpan<byte> data, in DigestStat stat)
    {
        if (IsExcluded(path)) return 0;
        if (path is "/") path = [];

        _crc.Reset();
        _crc.Append(PathBytes(path));
        _crc.Append(data);
        WriteStat(stat);
        _crc.Append(_stat);
        return _crc.GetCurrentHashAsUInt32();
    }

    /// <summary>Java's String.getBytes() with UTF-8 as the platform charset, into a buffer kept between calls.</summary>
    private ReadOnlySpan<byte> PathBytes(ReadOnlySpan<char> path)
    {
        var max = Encoding.UTF8.GetMaxByteCount(path.Length);
        if (max > _path.Length) _path = new byte[Math.Max(max, _path.Length * 2)];
        return _path.AsSpan(0, Encoding.UTF8.GetBytes(path, _path));
    }

    private void WriteStat(in DigestStat stat)
    {
        var b = _stat.AsSpan();
        BinaryPrimitives.WriteInt64BigEndian(b, stat.Czxid);
        BinaryPrimitives.WriteInt64BigEndian(b[8..], stat.Mzxid);
        BinaryPrimitives.WriteInt64BigEndian(b[16..], stat.Pzxid);
        BinaryPrimitives.WriteInt64BigEndian(b[24..], stat.Ctime);
        BinaryPrimitives.WriteInt64BigEndian(b[32..], stat.Mtime);
        BinaryPrimitives.WriteInt32BigEndian(b[40..], stat.Version);
        BinaryPrimitives.WriteInt32BigEndian(b[44..], stat.Cversion);
        BinaryPrimitives.WriteInt32BigEndian(b[48..], stat.Aversion);
        BinaryPrimitives.WriteInt64BigEndian(b[52..], stat.EphemeralOwner);
    }
}
