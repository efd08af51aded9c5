using System.Buffers.Binary;
using AkkaZk.Jute;

namespace AkkaZk.Bench.Load;

/// <summary>The outcome of a reply without decoding its body.</summary>
public static class ReplyStatus
{
    private const int ErrorResultSize = 13; // MultiHeader{int type, bool done, int err} + ErrorResponse{int err}

    /// <summary>
    /// The reply's error code. As ZooKeeper 3.8, a failed multi keeps err 0 in its ReplyHeader and answers with one
    /// error result per op (0 before the failing op, its code, then −2), so for multi that code is looked up.
    /// </summary>
    public static int ErrorOf(int opCode, in ReplyHeader header, ReadOnlySpan<byte> body)
    {
        if (header.Err != 0 || opCode is not (OpCode.Multi or OpCode.MultiRead)) return header.Err;
        while (body.Length >= ErrorResultSize && BinaryPrimitives.ReadInt32BigEndian(body) == OpCode.Error)
        {
            var err = BinaryPrimitives.ReadInt32BigEndian(body[5..]);
            if (err != 0) return err;
            body = body[ErrorResultSize..];
        }
        return 0;
    }
}
