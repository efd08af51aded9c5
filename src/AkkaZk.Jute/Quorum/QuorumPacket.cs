using System.Buffers.Binary;

namespace AkkaZk.Jute.Quorum;

/// <summary>
/// QuorumPacket {int type; long zxid; buffer data; vector&lt;Id&gt; authinfo}. The quorum port carries these back to
/// back with no length prefix. Equality compares data and authinfo by value.
/// </summary>
public sealed record QuorumPacket(int Type, long Zxid, byte[]? Data = null, IReadOnlyList<Id>? AuthInfo = null)
{
    public static QuorumPacket Read(ref JuteReader reader)
    {
        var type = reader.ReadInt();
        var zxid = reader.ReadLong();
        var data = reader.ReadBuffer();
        var count = reader.ReadVectorCount();
        List<Id>? auth = null;
        if (count >= 0)
        {
            auth = new List<Id>(count);
            for (var i = 0; i < count; i++) auth.Add(Id.Read(ref reader));
        }
        return new QuorumPacket(type, zxid, data, auth);
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteInt(Type);
        writer.WriteLong(Zxid);
        writer.WriteBuffer(Data);
        if (AuthInfo is null) { writer.WriteInt(-1); return; }
        writer.WriteInt(AuthInfo.Count);
        foreach (var id in AuthInfo) id.Write(writer);
    }

    public byte[] ToBytes()
    {
        var writer = new JuteWriter(24 + (Data?.Length ?? 0));
        Write(writer);
        return writer.ToArray();
    }

    public static QuorumPacket Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new JuteReader(bytes);
        return Read(ref reader);
    }

    /// <summary>
    /// Reads one packet from the start of an unframed stream. False when more bytes are needed (the caller keeps
    /// them and waits); a malformed length throws <see cref="JuteException"/>.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> input, out QuorumPacket? packet, out int consumed,
        int maxFieldLength = JuteReader.DefaultMaxFieldLength)
    {
        packet = null;
        consumed = 0;
        if (!TryMeasure(input, maxFieldLength, out var length)) return false;
        var reader = new JuteReader(input[..length], maxFieldLength);
        packet = Read(ref reader);
        consumed = length;
        return true;
    }

    private static bool TryMeasure(ReadOnlySpan<byte> input, int maxFieldLength, out int length)
    {
        length = 12;
        if (!TrySkipLengthPrefixed(input, ref length, maxFieldLength)) return false;
        if (input.Length < length + 4) return false;
        var count = BinaryPrimitives.ReadInt32BigEndian(input[length..]);
        length += 4;
        if (count < -1) throw new JuteException($"Unreasonable vector count = {count}");
        for (long i = 0; i < (long)count * 2; i++)
            if (!TrySkipLengthPrefixed(input, ref length, maxFieldLength)) return false;
        return true;
    }

    private static bool TrySkipLengthPrefixed(ReadOnlySpan<byte> input, ref int position, int maxFieldLength)
    {
        if (input.Length < position + 4) return false;
        var fieldLength = BinaryPrimitives.ReadInt32BigEndian(input[position..]);
        position += 4;
        if (fieldLength == -1) return true;
        if (fieldLength < -1 || fieldLength > maxFieldLength) throw new JuteException($"Unreasonable length = {fieldLength}");
        position += fieldLength;
        return input.Length >= position;
    }

    public bool Equals(QuorumPacket? other) =>
        other is not null && Type == other.Type && Zxid == other.Zxid
        && (Data is null ? other.Data is null : other.Data is not null && Data.AsSpan().SequenceEqual(other.Data))
        && (AuthInfo is null ? other.AuthInfo is null : other.AuthInfo is not null && AuthInfo.SequenceEqual(other.AuthInfo));

    public override int GetHashCode() => HashCode.Combine(Type, Zxid, Data?.Length ?? -1);

    public override string ToString()
    {
        var data = Data is null ? "" : $" data={Convert.ToHexString(Data.Length > 16 ? Data.AsSpan(0, 16) : Data)}{(Data.Length > 16 ? $"..({Data.Length})" : "")}";
        return $"{QuorumPacketType.Name(Type)}({ZxidUtils.ToHex(Zxid)}){data}";
    }
}
