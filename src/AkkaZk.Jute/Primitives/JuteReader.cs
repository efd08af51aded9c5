using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace AkkaZk.Jute;

/// <summary>Reads jute's binary archive (big-endian, length-prefixed) from a span. Never reads past the span.</summary>
public ref struct JuteReader
{
    /// <summary>Default per-field limit: jute.maxbuffer + zookeeper.jute.maxbuffer.extrasize, as ZooKeeper's BinaryInputArchive.</summary>
    public const int DefaultMaxFieldLength = 0xFFFFF * 2;

    private readonly ReadOnlySpan<byte> _buffer;
    private readonly int _maxFieldLength;
    private int _position;

    public JuteReader(ReadOnlySpan<byte> buffer, int maxFieldLength = DefaultMaxFieldLength)
    {
        _buffer = buffer;
        _position = 0;
        _maxFieldLength = maxFieldLength;
    }

    public readonly int Position => _position;
    public readonly int Remaining => _buffer.Length - _position;
    public readonly bool AtEnd => _position >= _buffer.Length;

    public byte ReadByte()
    {
        Need(1);
        return _buffer[_position++];
    }

    /// <summary>As Java's DataInput.readBoolean: any non-zero byte is true.</summary>
    public bool ReadBool() => ReadByte() != 0;

    public int ReadInt()
    {
        Need(4);
        var value = BinaryPrimitives.ReadInt32BigEndian(_buffer.Slice(_position, 4));
        _position += 4;
        return value;
    }

    public long ReadLong()
    {
        Need(8);
        var value = BinaryPrimitives.ReadInt64BigEndian(_buffer.Slice(_position, 8));
        _position += 8;
        return value;
    }

    /// <summary>A jute buffer: length −1 is null.</summary>
    public byte[]? ReadBuffer()
    {
        var length = ReadLength();
        if (length < 0) return null;
        var bytes = _buffer.Slice(_position, length).ToArray();
        _position += length;
        return bytes;
    }

    /// <summary>A jute buffer as a slice of the input, without copying. Null (−1) reads as an empty span with isNull set.</summary>
    public ReadOnlySpan<byte> ReadBufferSpan(out bool isNull)
    {
        var length = ReadLength();
        isNull = length < 0;
        if (isNull) return ReadOnlySpan<byte>.Empty;
        var span = _buffer.Slice(_position, length);
        _position += length;
        return span;
    }

    /// <summary>A jute ustring (UTF-8): length −1 is null.</summary>
    public string? ReadString()
    {
        var length = ReadLength();
        if (length < 0) return null;
        var text = Encoding.UTF8.GetString(_buffer.Slice(_position, length));
        _position += length;
        return text;
    }

    /// <summary>A vector count: −1 is null.</summary>
    public int ReadVectorCount()
    {
        var count = ReadInt();
        if (count < -1) Throw($"Unreasonable vector count = {count}");
        if (count > Remaining) Throw($"Vector count {count} exceeds the {Remaining} bytes left");
        return count;
    }

    public List<string>? ReadStringVector()
    {
        var count = ReadVectorCount();
        if (count < 0) return null;
        var list = new List<string>(count);
        for (var i = 0; i < count; i++) list.Add(ReadString() ?? string.Empty);
        return list;
    }

    private int ReadLength()
    {
        var length = ReadInt();
        if (length == -1) return -1;
        if (length < -1 || length > _maxFieldLength) Throw($"Unreasonable length = {length}");
        Need(length);
        return length;
    }

    private readonly void Need(int count)
    {
        if (count > _buffer.Length - _position)
            Throw($"Truncated record: need {count} bytes at offset {_position}, have {_buffer.Length - _position}");
    }

    [DoesNotReturn]
    private static void Throw(string message) => throw new JuteException(message);
}
