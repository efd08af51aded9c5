using System.Buffers.Binary;
using AkkaZk.Jute;

namespace AkkaZk.Differential.Tests.Fuzz;

/// <summary>
/// Damages well-formed frames (each with its length prefix) the ways a broken or hostile client would: bit flips,
/// inserted and deleted bytes, bad frame lengths, truncated records, bad string/buffer lengths and vector counts,
/// unknown opcodes, reserved or out-of-order xids, a missing handshake, four-letter words in odd places, duplicated
/// and reordered frames.
/// </summary>
public sealed class FrameMutator(Random rng)
{
    private const int Max = Framing.DefaultMaxFrameLength;

    /// <summary>Lengths that test the reader's bounds: huge, negative, zero, at and just over jute.maxbuffer.</summary>
    private static readonly int[] BadLengths =
        [int.MaxValue, int.MinValue, -1, -2, -5, 0, 1, Max, Max + 1, Max * 2, Max * 2 + 1, 0x10000000, 0x7FFFFFF0];

    private static readonly int[] OddOpCodes =
        [0, -1, -3, -10, 10, 13, 23, 99, 108, 999, int.MaxValue, int.MinValue, OpCode.Auth, OpCode.Sasl, OpCode.CloseSession];

    private static readonly int[] OddXids = [-1, -2, -4, -8, 0, int.MaxValue, int.MinValue, 1, 1];

    private static readonly string[] Words = [.. FourLetterWords.Words, "ruok", "ruok", "stmk"];

    /// <summary>Applies one mutation to <paramref name="frames"/> (index 0 is the handshake) and says what it did.</summary>
    public string Mutate(List<byte[]> frames)
    {
        switch (rng.Next(15))
        {
            case 0: return FlipBits(frames);
            case 1: return InsertBytes(frames);
            case 2: return DeleteBytes(frames);
            case 3: return SetFrameLength(frames);
            case 4: return TruncateRecord(frames, keepLength: rng.Next(2) == 0);
            case 5:
            case 6: return SetFieldLength(frames);
            case 7: return SetOpCode(frames);
            case 8: return SetXid(frames);
            case 9:
                if (frames.Count < 2) return FlipBits(frames);
                frames.RemoveAt(0);
                return "no handshake";
            case 10: return FourLetterWord(frames);
            case 11: return DuplicateOrSwap(frames);
            case 12: return AppendGarbage(frames);
            case 13: return SetAnyInt(frames);
            default: return SetFieldLength(frames);
        }
    }

    private string FlipBits(List<byte[]> frames)
    {
        var (index, frame) = AnyFrame(frames);
        var flips = 1 + rng.Next(4);
        for (var i = 0; i < flips; i++) frame[rng.Next(frame.Length)] ^= (byte)(1 << rng.Next(8));
        return $"{flips} bit flips in frame {index}";
    }

    private string InsertBytes(List<byte[]> frames)
    {
        var (index, frame) = AnyFrame(frames);
        var at = rng.Next(frame.Length + 1);
        var extra = new byte[1 + rng.Next(rng.Next(4) == 0 ? 64 : 4)];
        rng.NextBytes(extra);
        frames[index] = [.. frame.AsSpan(0, at), .. extra, .. frame.AsSpan(at)];
        return $"{extra.Length} bytes inserted at {at} of frame {index}";
    }

    private string DeleteBytes(List<byte[]> frames)
    {
        var (index, frame) = AnyFrame(frames);
        var at = rng.Next(frame.Length);
        var count = Math.Min(frame.Length - at, 1 + rng.Next(8));
        frames[index] = [.. frame.AsSpan(0, at), .. frame.AsSpan(at + count)];
        return $"{count} bytes deleted at {at} of frame {index}";
    }

    private string SetFrameLength(List<byte[]> frames)
    {
        var (index, frame) = AnyFrame(frames);
        var length = rng.Next(3) == 0 ? rng.Next(int.MinValue, int.MaxValue) : BadLengths[rng.Next(BadLengths.Length)];
        BinaryPrimitives.WriteInt32BigEndian(frame, length);
        return $"frame {index} length set to {length}";
    }

    /// <summary>Cuts a record short; with <paramref name="keepLength"/> the frame still claims its old size.</summary>
    private string TruncateRecord(List<byte[]> frames, bool keepLength)
    {
        var (index, frame) = AnyFrame(frames);
        var keep = 4 + rng.Next(Math.Max(1, frame.Length - 4));
        var cut = frame[..keep];
        if (!keepLength) BinaryPrimitives.WriteInt32BigEndian(cut, keep - 4);
        frames[index] = cut;
        return $"frame {index} record cut to {keep - 4} bytes" + (keepLength ? " (length kept)" : "");
    }

    /// <summary>An int in the record that reads as a plausible length (string, buffer, vector count) gets a bad value.</summary>
    private string SetFieldLength(List<byte[]> frames)
    {
        var (index, frame) = AnyFrame(frames);
        var candidates = new List<int>();
        for (var at = 4; at + 4 <= frame.Length; at++)
        {
            var value = BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(at));
            if (value >= -1 && value <= frame.Length - at - 4) candidates.Add(at);
        }
        if (candidates.Count == 0) return FlipBits(frames);
        var field = candidates[rng.Next(candidates.Count)];
        var remaining = frame.Length - field - 4;
        int[] values = [.. BadLengths, remaining + 1, remaining + 1000, -1, 0];
        var length = values[rng.Next(values.Length)];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(field), length);
        return $"length-like field at {field} of frame {index} set to {length}";
    }

    private string SetOpCode(List<byte[]> frames)
    {
        if (frames.Count < 2) return FlipBits(frames);
        var index = 1 + rng.Next(frames.Count - 1);
        if (frames[index].Length < 12) return FlipBits(frames);
        var opCode = rng.Next(3) == 0 ? rng.Next(-20, 120) : OddOpCodes[rng.Next(OddOpCodes.Length)];
        BinaryPrimitives.WriteInt32BigEndian(frames[index].AsSpan(8), opCode);
        return $"frame {index} opcode set to {opCode}";
    }

    private string SetXid(List<byte[]> frames)
    {
        if (frames.Count < 2) return FlipBits(frames);
        var changed = 0;
        for (var index = 1; index < frames.Count; index++)
        {
            if (frames[index].Length < 8 || rng.Next(2) == 0) continue;
            var xid = rng.Next(3) == 0 ? rng.Next() : OddXids[rng.Next(OddXids.Length)];
            BinaryPrimitives.WriteInt32BigEndian(frames[index].AsSpan(4), xid);
            changed++;
        }
        return $"{changed} xids out of order or reserved";
    }

    private string FourLetterWord(List<byte[]> frames)
    {
        var word = Words[rng.Next(Words.Length)];
        var at = rng.Next(2) == 0 ? 0 : rng.Next(frames.Count + 1);
        var bytes = System.Text.Encoding.ASCII.GetBytes(word);
        // stmk's argument: a big-endian long, sometimes cut short.
        if (word == "stmk") bytes = [.. bytes, .. new byte[rng.Next(2) == 0 ? 8 : rng.Next(8)]];
        frames.Insert(at, bytes);
        return $"four-letter word {word} as frame {at}";
    }

    private string DuplicateOrSwap(List<byte[]> frames)
    {
        if (frames.Count < 2 || rng.Next(2) == 0)
        {
            var (index, frame) = AnyFrame(frames);
            var copies = 1 + rng.Next(3);
            for (var i = 0; i < copies; i++) frames.Insert(index, (byte[])frame.Clone());
            return $"frame {index} sent {copies + 1} times";
        }
        var a = rng.Next(frames.Count);
        var b = rng.Next(frames.Count);
        (frames[a], frames[b]) = (frames[b], frames[a]);
        return $"frames {a} and {b} swapped";
    }

    private string AppendGarbage(List<byte[]> frames)
    {
        var garbage = new byte[1 + rng.Next(256)];
        rng.NextBytes(garbage);
        frames.Add(garbage);
        return $"{garbage.Length} random bytes appended";
    }

    private string SetAnyInt(List<byte[]> frames)
    {
        var (index, frame) = AnyFrame(frames);
        if (frame.Length < 8) return FlipBits(frames);
        var at = 4 + rng.Next(frame.Length - 7);
        var value = BadLengths[rng.Next(BadLengths.Length)];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(at), value);
        return $"int at {at} of frame {index} set to {value}";
    }

    private (int Index, byte[] Frame) AnyFrame(List<byte[]> frames)
    {
        if (frames.Count == 0) frames.Add(new byte[8]);
        var index = rng.Next(frames.Count);
        if (frames[index].Length < 4) frames[index] = [.. frames[index], .. new byte[4]];
        return (index, frames[index]);
    }
}
