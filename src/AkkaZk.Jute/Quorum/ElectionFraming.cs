using System.Buffers.Binary;

namespace AkkaZk.Jute.Quorum;

/// <summary>Election-port framing after the initial message: int32 length + payload, both directions.</summary>
public static class ElectionFraming
{
    /// <summary>QuorumCnxManager.PACKETMAXSIZE (512 KiB): a longer (or non-positive) length drops the connection.</summary>
    public const int MaxMessageLength = 512 * 1024;

    /// <summary>
    /// Finds one complete frame at the start of <paramref name="input"/>; false when more bytes are needed.
    /// Throws <see cref="JuteException"/> when the length is ≤ 0 or over <see cref="MaxMessageLength"/>.
    /// </summary>
    public static bool TryReadFrame(ReadOnlySpan<byte> input, out int payloadOffset, out int payloadLength)
    {
        payloadOffset = 4;
        payloadLength = 0;
        if (input.Length < 4) return false;
        var length = BinaryPrimitives.ReadInt32BigEndian(input);
        if (length <= 0 || length > MaxMessageLength)
            throw new JuteException($"Received packet with invalid packet: {length}");
        if (input.Length - 4 < length) return false;
        payloadLength = length;
        return true;
    }

    public static void WriteFrame(JuteWriter writer, ReadOnlySpan<byte> payload)
    {
        if (payload.Length == 0 || payload.Length > MaxMessageLength)
            throw new ArgumentOutOfRangeException(nameof(payload), payload.Length, "election message length");
        writer.WriteInt(payload.Length);
        writer.WriteRaw(payload);
    }
}
