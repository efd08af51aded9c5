using System.Buffers.Binary;
using System.Text;
using AkkaZk.Jute;

namespace AkkaZk.Server.Ensemble.Quorum;

/// <summary>
/// The unframed snapshot that follows a SNAP packet on the quorum port (QUORUM 11.1): sessions, the ACL cache,
/// nodes until the path "/", then the string "BenWasHere". Nothing on the wire says how long it is, so
/// <see cref="TryMeasure"/> walks its structure; every length is bounded like any other jute field.
/// </summary>
public static class SnapshotStream
{
    public const string Signature = "BenWasHere";

    /// <summary>StatPersisted plus the ACL ref that follow a node's data: 6 longs, 3 ints.</summary>
    private const int NodeTailLength = 8 + 8 * 5 + 4 * 3 + 8;

    private static readonly byte[] SignatureBytes = Encoding.UTF8.GetBytes(Signature);

    /// <summary>Appends the snapshot body (already serialized) and the signature.</summary>
    public static void Write(JuteWriter writer, ReadOnlySpan<byte> body)
    {
        writer.WriteRaw(body);
        writer.WriteString(Signature);
    }

    /// <summary>
    /// False when more bytes are needed. Otherwise <paramref name="bodyLength"/> is the body (up to and including
    /// the "/" marker) and <paramref name="totalLength"/> includes the signature. Malformed input throws JuteException.
    /// </summary>
    public static bool TryMeasure(ReadOnlySpan<byte> input, int maxFieldLength, out int bodyLength, out int totalLength)
    {
        bodyLength = totalLength = 0;
        var position = 0;
        if (!TryCount(input, ref position, out var sessions)) return false;
        if (!Skip(input, ref position, (long)sessions * 12)) return false;
        if (!TryCount(input, ref position, out var aclEntries)) return false;
        for (var i = 0; i < aclEntries; i++)
        {
            if (!Skip(input, ref position, 8) || !TryCount(input, ref position, out var acls)) return false;
            for (var j = 0; j < acls; j++)
            {
                if (!Skip(input, ref position, 4)) return false;
                if (!TrySkipField(input, ref position, maxFieldLength, out _) || !TrySkipField(input, ref position, maxFieldLength, out _)) return false;
            }
        }
        while (true)
        {
            var pathStart = position;
            if (!TrySkipField(input, ref position, maxFieldLength, out var pathLength)) return false;
            if (pathLength == 1 && input[pathStart + 4] == (byte)'/') break;
            if (pathLength < 0) throw new JuteException("null node path in the snapshot stream");
            if (!TrySkipField(input, ref position, maxFieldLength, out _) || !Skip(input, ref position, NodeTailLength)) return false;
        }
        bodyLength = position;
        var signatureStart = position;
        if (!TrySkipField(input, ref position, maxFieldLength, out _)) return false;
        if (!input.Slice(signatureStart + 4, position - signatureStart - 4).SequenceEqual(SignatureBytes))
            throw new JuteException("missing signature BenWasHere after the snapshot");
        totalLength = position;
        return true;
    }

    private static bool TryCount(ReadOnlySpan<byte> input, ref int position, out int count)
    {
        count = 0;
        if (input.Length < position + 4) return false;
        count = BinaryPrimitives.ReadInt32BigEndian(input[position..]);
        position += 4;
        if (count < 0) throw new JuteException($"Unreasonable count = {count} in the snapshot stream");
        return true;
    }

    private static bool Skip(ReadOnlySpan<byte> input, ref int position, long length)
    {
        if (input.Length < position + length) return false;
        position += (int)length;
        return true;
    }

    private static bool TrySkipField(ReadOnlySpan<byte> input, ref int position, int maxFieldLength, out int length)
    {
        length = 0;
        if (input.Length < position + 4) return false;
        length = BinaryPrimitives.ReadInt32BigEndian(input[position..]);
        if (length < -1 || length > maxFieldLength) throw new JuteException($"Unreasonable length = {length} in the snapshot stream");
        if (input.Length < position + 4 + Math.Max(0, length)) return false;
        position += 4 + Math.Max(0, length);
        return true;
    }
}
