using System.Buffers.Binary;
using AkkaZk.Jute;

namespace AkkaZk.Bench.Load;

/// <summary>
/// The outcome of a reply without decoding its body: the error code, or <see cref="MalformedReply"/> when a
/// successful reply's body does not have the shape its opcode requires (so a server cannot look fast by answering
/// "ok" with nothing).
/// </summary>
public static class ReplyStatus
{
    /// <summary>Not a ZooKeeper code: counted (and reported as MalformedReply) by the bench only.</summary>
    public const int MalformedReply = -1000;

    private const int StatSize = 68;        // Stat: 6 longs (48) + 5 ints (20)
    private const int ErrorResultSize = 13; // MultiHeader{int type, bool done, int err} + ErrorResponse{int err}

    public static int ErrorOf(int opCode, in ReplyHeader header, ReadOnlySpan<byte> body)
    {
        if (header.Err != 0) return header.Err;
        return opCode switch
        {
            OpCode.Multi or OpCode.MultiRead => MultiError(body),
            _ => WellFormed(opCode, body) ? 0 : MalformedReply,
        };
    }

    private static bool WellFormed(int opCode, ReadOnlySpan<byte> body) => opCode switch
    {
        OpCode.GetData => body.Length >= 4 + StatSize && body.Length == 4 + Math.Max(0, BinaryPrimitives.ReadInt32BigEndian(body)) + StatSize,
        OpCode.SetData or OpCode.Exists => body.Length == StatSize,
        OpCode.Create => body.Length >= 4 && body.Length == 4 + BinaryPrimitives.ReadInt32BigEndian(body),
        OpCode.GetChildren => body.Length >= 4,
        _ => true,
    };

    /// <summary>
    /// As ZooKeeper 3.8, a failed multi keeps err 0 in its ReplyHeader and answers with one error result per op
    /// (0 before the failing op, its code, then −2), so that code is looked up in the results.
    /// </summary>
    private static int MultiError(ReadOnlySpan<byte> body)
    {
        if (body.Length < 9) return MalformedReply;
        while (body.Length >= ErrorResultSize && BinaryPrimitives.ReadInt32BigEndian(body) == OpCode.Error)
        {
            var err = BinaryPrimitives.ReadInt32BigEndian(body[5..]);
            if (err != 0) return err;
            body = body[ErrorResultSize..];
        }
        return 0;
    }
}
