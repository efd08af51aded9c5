using System.Buffers.Binary;
using System.Text;

namespace AkkaZk.DataTree;

/// <summary>Reads jute primitives (big-endian, length-prefixed) from a stream; malformed input is an InvalidDataException.</summary>
internal sealed class SnapshotReader(Stream input)
{
    /// <summary>Largest string or buffer accepted: well above any znode (jute.maxbuffer is 1 MiB by default).</summary>
    private const int MaxFieldLength = 64 * 1024 * 1024;

    private readonly byte[] _scratch = new byte[8];

    public int ReadInt()
    {
        Fill(_scratch.AsSpan(0, 4));
        return BinaryPrimitives.ReadInt32BigEndian(_scratch);
    }

    public long ReadLong()
    {
        Fill(_scratch.AsSpan(0, 8));
        return BinaryPrimitives.ReadInt64BigEndian(_scratch);
    }

    public byte[]? ReadBuffer()
    {
        var length = ReadLength();
        if (length < 0) return null;
        var bytes = new byte[length];
        Fill(bytes);
        return bytes;
    }

    public string? ReadString()
    {
        var bytes = ReadBuffer();
        return bytes is null ? null : Encoding.UTF8.GetString(bytes);
    }

    public int ReadCount(string what)
    {
        var count = ReadInt();
        if (count < 0) throw new InvalidDataException($"Invalid {what} count {count}");
        return count;
    }

    private int ReadLength()
    {
        var length = ReadInt();
        if (length < -1 || length > MaxFieldLength) throw new InvalidDataException($"Unreasonable length {length}");
        return length;
    }

    private void Fill(Span<byte> target)
    {
        try
        {
            input.ReadExactly(target);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("Snapshot stream ended early", e);
        }
    }
}
