using System.Buffers.Binary;

namespace AkkaZk.Jute;

/// <summary>Client-port framing: int32 big-endian length (not counting itself) + payload.</summary>
public static class Framing
{
    /// <summary>Default jute.maxbuffer (0xfffff), the largest frame a server accepts.</summary>
    public const int DefaultMaxFrameLength = 0xFFFFF;

    /// <summary>
    /// Finds one complete frame at the start of <paramref name="input"/>. Returns false when more bytes are
    /// needed (the caller rewinds and waits). Throws <see cref="JuteException"/> for a negative or oversized length.
    /// </summary>
    public static bool TryReadFrame(ReadOnlySpan<byte> input, int maxFrameLength, out int payloadOffset, out int payloadLength)
    {
        payloadOffset = 4;
        payloadLength = 0;
        if (input.Length < 4) return false;
        var length = BinaryPrimitives.ReadInt32BigEndian(input);
        if (length < 0 || length > maxFrameLength)
            throw new JuteException($"Len error {length}, jute.maxbuffer={maxFrameLength}");
        if (input.Length - 4 < length) return false;
        payloadLength = length;
        return true;
    }
}
