using System.Buffers;
using System.Buffers.Binary;
using AkkaZk.DataTree;

namespace AkkaZk.Persistence;

/// <summary>
/// Checks a snapshot file's header and Adler-32 seals in one streaming pass, without parsing the payload.
/// Accepts the digest layout this store writes and also ZooKeeper's digest-less one (a single seal), so a
/// snapshot copied from a ZooKeeper server with digest disabled validates too.
/// </summary>
internal static class SnapshotValidator
{
    private const int ChunkSize = 1 << 16;

    /// <summary>
    /// True when valid; the payload is then the <paramref name="payloadLength"/> bytes after the header, and
    /// <paramref name="digest"/> the ZxidDigest between the seals (null in the digest-less layout).
    /// </summary>
    public static bool TryValidate(string path, out long payloadLength, out ZxidDigest? digest, out string reason)
    {
        payloadLength = 0;
        digest = null;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var length = file.Length;
        if (length < SnapshotFileFormat.HeaderLength + SnapshotFileFormat.SealLength)
            return Fail($"only {length} bytes", out reason);

        Span<byte> header = stackalloc byte[SnapshotFileFormat.HeaderLength];
        file.ReadExactly(header);
        if (!SnapshotFileFormat.IsHeader(header)) return Fail("bad magic or version", out reason);

        // Running checksums where seal 1 would start in each layout.
        var digestSealAt = length - SnapshotFileFormat.TrailerLength;
        var plainSealAt = length - SnapshotFileFormat.SealLength;
        var checksum = Adler32.Update(Adler32.Initial, header);
        uint atDigestSeal = 0;
        var hasDigestLayout = digestSealAt >= SnapshotFileFormat.HeaderLength;
        if (hasDigestLayout)
        {
            checksum = Feed(file, checksum, digestSealAt - file.Position);
            atDigestSeal = checksum;
        }
        checksum = Feed(file, checksum, plainSealAt - file.Position);

        var tailLength = (int)Math.Min(length - SnapshotFileFormat.HeaderLength, SnapshotFileFormat.TrailerLength);
        Span<byte> tail = stackalloc byte[SnapshotFileFormat.TrailerLength];
        tail = tail[..tailLength];
        file.Seek(length - tailLength, SeekOrigin.Begin);
        file.ReadExactly(tail);
        var lastSeal = tail[^SnapshotFileFormat.SealLength..];

        if (hasDigestLayout && SnapshotFileFormat.IsSeal(tail, atDigestSeal) && SnapshotFileFormat.IsSeal(lastSeal, checksum))
        {
            payloadLength = digestSealAt - SnapshotFileFormat.HeaderLength;
            var record = tail[SnapshotFileFormat.SealLength..];
            digest = new ZxidDigest(BinaryPrimitives.ReadInt64BigEndian(record), BinaryPrimitives.ReadInt32BigEndian(record[8..]),
                BinaryPrimitives.ReadInt64BigEndian(record[12..]));
            reason = string.Empty;
            return true;
        }
        if (SnapshotFileFormat.IsSeal(lastSeal, checksum))
        {
            payloadLength = plainSealAt - SnapshotFileFormat.HeaderLength;
            reason = string.Empty;
            return true;
        }
        return Fail("Adler32 seal mismatch (truncated or corrupt)", out reason);
    }

    private static uint Feed(Stream file, uint checksum, long count)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            while (count > 0)
            {
                var chunk = buffer.AsSpan(0, (int)Math.Min(count, ChunkSize));
                file.ReadExactly(chunk);
                checksum = Adler32.Update(checksum, chunk);
                count -= chunk.Length;
            }
            return checksum;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool Fail(string why, out string reason)
    {
        reason = why;
        return false;
    }
}
