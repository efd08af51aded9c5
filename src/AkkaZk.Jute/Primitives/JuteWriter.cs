using System.Buffers.Binary;
using System.Text;

namespace AkkaZk.Jute;

/// <summary>
/// Writes jute's binary archive into a growable buffer that can be reused (Reset) so a connection
/// serialises its replies without allocating per reply.
/// </summary>
public sealed class JuteWriter
{
    private byte[] _buffer;
    private int _length;

    public JuteWriter(int initialCapacity = 256) => _buffer = new byte[Math.Max(16, initialCapacity)];

    public int Length => _length;
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public void Reset() => _length = 0;

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    public void WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteInt(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    public void WriteLong(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    public void WriteBuffer(byte[]? value)
    {
        if (value is null) { WriteInt(-1); return; }
        WriteBuffer(value.AsSpan());
    }

    public void WriteBuffer(ReadOnlySpan<byte> value)
    {
        WriteInt(value.Length);
        WriteRaw(value);
    }

    public void WriteRaw(ReadOnlySpan<byte> value)
    {
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }

    public void WriteString(string? value)
    {
        if (value is null) { WriteInt(-1); return; }
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteInt(byteCount);
        Ensure(byteCount);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    public void WriteStringVector(IReadOnlyCollection<string>? values)
    {
        if (values is null) { WriteInt(-1); return; }
        WriteInt(values.Count);
        foreach (var value in values) WriteString(value);
    }

    /// <summary>Reserves 4 bytes for a big-endian length written later by <see cref="PatchLength"/>.</summary>
    public int ReserveLength()
    {
        var at = _length;
        WriteInt(0);
        return at;
    }

    /// <summary>Writes the number of bytes after the reserved slot into it (frame length excludes itself).</summary>
    public void PatchLength(int at) =>
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(at, 4), _length - at - 4);

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length) return;
        var size = Math.Max(_buffer.Length * 2, _length + extra);
        Array.Resize(ref _buffer, size);
    }
}
