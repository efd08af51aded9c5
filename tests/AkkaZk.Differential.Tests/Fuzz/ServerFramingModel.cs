using System.Buffers.Binary;
using AkkaZk.Jute;

namespace AkkaZk.Differential.Tests.Fuzz;

/// <summary>
/// What the server's frame reader does with a byte stream, as far as framing goes: it either reaches a point where
/// it must close (a four-letter word first, a negative or oversized length), consumes the stream exactly, or waits
/// for more bytes. A probe ping is only sent after a stream that does not leave the reader waiting.
/// </summary>
public static class ServerFramingModel
{
    private static readonly int StatMaskCode = FourLetterWords.CodeOf("stmk");

    /// <summary>True when the stream stops inside its first frame (no handshake can have been read).</summary>
    public static bool EndsInFirstFrame(ReadOnlySpan<byte> stream, int maxFrameLength = Framing.DefaultMaxFrameLength)
    {
        if (stream.Length < 4) return true;
        var length = BinaryPrimitives.ReadInt32BigEndian(stream);
        return !FourLetterWords.TryGetWord(length, out _) && length >= 0 && length <= maxFrameLength && stream.Length - 4 < length;
    }

    /// <summary>How many more bytes the reader waits for at the end of <paramref name="stream"/>: 0 when it is
    /// frame-aligned or the server stops reading before the end.</summary>
    public static int MissingBytes(ReadOnlySpan<byte> stream, int maxFrameLength = Framing.DefaultMaxFrameLength)
    {
        var position = 0;
        var first = true;
        while (position < stream.Length)
        {
            var remaining = stream.Length - position;
            if (remaining < 4) return 4 - remaining;
            var value = BinaryPrimitives.ReadInt32BigEndian(stream[position..]);
            // As the reader: only the connection's first int may be a four-letter word; stmk takes 8 more bytes.
            if (first && FourLetterWords.TryGetWord(value, out _))
                return value == StatMaskCode && remaining < 12 ? 12 - remaining : 0;
            if (value < 0 || value > maxFrameLength) return 0;
            if (remaining - 4 < value) return value - (remaining - 4);
            position += 4 + value;
            first = false;
        }
        return 0;
    }
}
