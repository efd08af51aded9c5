using System.Buffers.Binary;
using System.Text;

namespace AkkaZk.DataTree;

/// <summary>
/// Reads jute primitives (big-endian, length-prefixed) from a stream through its own buffer, so each field is a
/// span read rather than a stream call; malformed input is an InvalidDataException.
/// </summary>
internal sealed class SnapshotReader(Stream input)
{
    /// <summary>Largest string or buffer accepted: well above any znode (jute.maxbuffer is 1 MiB by default).</summary>
    private const int MaxFieldLength = 64 * 1024 * 1024;

    private const int BufferSize = 256 * 1024;

    private readonly byte[] _buffer = new byte[BufferSize];
    private int _position;
    private int _limit;
    private char[] _chars = new char[256];

    public int ReadInt()
    {
        Ensure(4);
        var value = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_position));
        _position += 4;
        return value;
    }

    public long ReadLong()
    {
        Ensure(8);
        var value = BinaryPrimitives.ReadInt64BigEndian(_buffer.AsSpan(_position));
        _position += 8;
        return value;
    }

    public byte[]? ReadBuffer()
    {
        var length = ReadLength();
        if (length < 0) return null;
        if (length == 0) return [];
        var bytes = new byte[length];
        var copied = Math.Min(length, _limit - _position);
        _buffer.AsSpan(_position, copied).CopyTo(bytes);
        _position += copied;
        if (copied < length) Fill(bytes.AsSpan(copied));
        return bytes;
    }

    public string? ReadString()
    {
        var length = ReadLength();
        if (length < 0) return null;
        return Encoding.UTF8.GetString(Bytes(length));
    }

    /// <summary>
    /// A string decoded into a buffer reused by the next call (no allocation): for node paths, of which only the
    /// last segment is kept. False for a null string.
    /// </summary>
    public bool TryReadChars(out ReadOnlySpan<char> chars)
    {
        var length = ReadLength();
        if (length < 0)
        {
            chars = default;
            return false;
        }
        var bytes = Bytes(length);
        if (_chars.Length < length) _chars = new char[Math.Max(length, _chars.Length * 2)];
        chars = _chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, _chars));
        return true;
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

    /// <summary>The next <paramref name="length"/> bytes, valid until the next read.</summary>
    private ReadOnlySpan<byte> Bytes(int length)
    {
        if (length > BufferSize)
        {
            var large = new byte[length];
            var copied = _limit - _position;
            _buffer.AsSpan(_position, copied).CopyTo(large);
            _position = _limit;
            Fill(large.AsSpan(copied));
            return large;
        }
        Ensure(length);
        var span = _buffer.AsSpan(_position, length);
        _position += length;
        return span;
    }

    /// <summary>At least <paramref name="count"/> (≤ the buffer size) unread bytes in the buffer.</summary>
    private void Ensure(int count)
    {
        if (_limit - _position >= count) return;
        var remaining = _limit - _position;
        _buffer.AsSpan(_position, remaining).CopyTo(_buffer);
        _position = 0;
        _limit = remaining;
        while (_limit < count)
        {
            var read = input.Read(_buffer, _limit, _buffer.Length - _limit);
            if (read == 0) throw new InvalidDataException("Snapshot stream ended early");
            _limit += read;
        }
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
