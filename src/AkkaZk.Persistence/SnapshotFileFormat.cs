using System.Buffers.Binary;
using AkkaZk.DataTree;

namespace AkkaZk.Persistence;

/// <summary>
/// The frame of a ZooKeeper snapshot file (QUORUM 11.2): FileHeader{magic "ZKSN", version 2, dbid −1}, the
/// payload, seal 1 (Adler-32 of every byte so far as a long, then ustring "/"), ZxidDigest{zxid, version 2,
/// digest}, and seal 2 (the running Adler-32, which covers seal 1 and the digest, then "/"), as FileSnap.serialize
/// with digest enabled. The digest is the tree's after its last applied txn (DataTree.lastProcessedZxidDigest),
/// which ZooKeeper checks once its replay reaches that zxid; without one it is all zero but its version, as a fresh
/// ZooKeeper server writes it, and zxid 0 never matches a replayed txn so no check is made.
/// </summary>
internal static class SnapshotFileFormat
{
    public const int Magic = 0x5A4B534E; // "ZKSN"
    public const int Version = 2;
    public const long DbId = -1;
    public const int DigestVersion = 2;

    public const int HeaderLength = 16;            // int magic, int version, long dbid
    public const int SealLength = 8 + 4 + 1;       // long adler, ustring "/"
    public const int DigestLength = 8 + 4 + 8;     // long zxid, int version, long digest
    public const int TrailerLength = SealLength + DigestLength + SealLength;

    public static void WriteHeader(Stream output)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        BinaryPrimitives.WriteInt32BigEndian(header, Magic);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], Version);
        BinaryPrimitives.WriteInt64BigEndian(header[8..], DbId);
        output.Write(header);
    }

    public static void WriteTrailer(ChecksumStream output, ZxidDigest? zxidDigest = null)
    {
        WriteSeal(output);
        Span<byte> digest = stackalloc byte[DigestLength];
        BinaryPrimitives.WriteInt64BigEndian(digest, zxidDigest?.Zxid ?? 0);
        BinaryPrimitives.WriteInt32BigEndian(digest[8..], zxidDigest?.DigestVersion ?? DigestVersion);
        BinaryPrimitives.WriteInt64BigEndian(digest[12..], zxidDigest?.Digest ?? 0);
        output.Write(digest);
        WriteSeal(output);
    }

    public static bool IsHeader(ReadOnlySpan<byte> header) =>
        header.Length >= HeaderLength &&
        BinaryPrimitives.ReadInt32BigEndian(header) == Magic &&
        BinaryPrimitives.ReadInt32BigEndian(header[4..]) == Version;

    /// <summary>A seal as SnapStream.checkSealIntegrity reads it: the long equals the checksum, then ustring "/".</summary>
    public static bool IsSeal(ReadOnlySpan<byte> seal, uint checksum) =>
        seal.Length >= SealLength &&
        BinaryPrimitives.ReadInt64BigEndian(seal) == checksum &&
        BinaryPrimitives.ReadInt32BigEndian(seal[8..]) == 1 &&
        seal[12] == (byte)'/';

    private static void WriteSeal(ChecksumStream output)
    {
        Span<byte> seal = stackalloc byte[SealLength];
        BinaryPrimitives.WriteInt64BigEndian(seal, output.Checksum);
        BinaryPrimitives.WriteInt32BigEndian(seal[8..], 1);
        seal[12] = (byte)'/';
        output.Write(seal);
    }
}
