using System.Buffers.Binary;

namespace AkkaZk.Differential.Tests.Fuzz;

/// <summary>
/// Makes one fuzz connection from a seed: pure random bytes, random payloads in valid frames, or a valid
/// conversation (<see cref="ValidConversation"/>) damaged by <see cref="FrameMutator"/>; then how the bytes are
/// split across writes and how the connection ends. The same seed gives the same case.
/// </summary>
public static class FuzzCaseGenerator
{
    private const int MaxPadding = 256 * 1024;

    /// <param name="otherSessions">Live sessions of other clients (the witness): handshakes may claim them with a wrong password.</param>
    public static FuzzCase Generate(long seed, IReadOnlyList<long> otherSessions)
    {
        var rng = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
        var roll = rng.Next(100);
        var conversation = new ValidConversation(rng, otherSessions);
        var (frames, description) = roll switch
        {
            < 12 => RandomBytes(rng),
            < 22 => RandomFrames(rng, conversation),
            _ => MutatedConversation(rng, conversation),
        };
        var stream = frames.SelectMany(f => f).ToArray();
        var missing = ServerFramingModel.MissingBytes(stream);
        if (missing > 0 && rng.Next(3) == 0)
        {
            // Completing a cut length prefix makes a new length, which may need padding in turn.
            var random = rng.Next(2) == 0;
            var padded = 0;
            for (var round = 0; round < 3 && missing > 0 && padded + missing <= MaxPadding; round++)
            {
                var padding = new byte[missing];
                if (random) rng.NextBytes(padding);
                frames.Add(padding);
                stream = [.. stream, .. padding];
                padded += missing;
                missing = ServerFramingModel.MissingBytes(stream);
            }
            description += $", padded by {padded}" + (missing == 0 ? " to a frame boundary" : "");
        }
        var ending = ServerFramingModel.EndsInFirstFrame(stream) && rng.Next(8) == 0 ? CaseEnding.Idle : Ending(rng, aligned: missing == 0);
        if (ending is CaseEnding.Abort or CaseEnding.Reset && stream.Length > 1 && rng.Next(2) == 0)
        {
            stream = stream[..rng.Next(1, stream.Length)];
            description += $", cut at byte {stream.Length}";
        }
        if (conversation.ClaimedOtherSession) description += ", claims another client's session";
        return new FuzzCase(seed, description, stream, Cuts(rng, frames, stream.Length), ending, conversation.ClaimedOtherSession);
    }

    private static (List<byte[]>, string) RandomBytes(Random rng)
    {
        var bytes = new byte[1 + rng.Next(rng.Next(10) == 0 ? 65536 : 2048)];
        rng.NextBytes(bytes);
        return ([bytes], $"{bytes.Length} random bytes");
    }

    /// <summary>Correct lengths around random payloads, after a valid handshake or none, with or without a request header.</summary>
    private static (List<byte[]>, string) RandomFrames(Random rng, ValidConversation conversation)
    {
        var frames = new List<byte[]>();
        var handshake = rng.Next(4) != 0;
        if (handshake) frames.Add(conversation.Handshake());
        var count = 1 + rng.Next(6);
        var headers = rng.Next(2) == 0;
        for (var i = 0; i < count; i++)
        {
            var payload = new byte[rng.Next(rng.Next(8) == 0 ? 8192 : 64)];
            rng.NextBytes(payload);
            if (headers && payload.Length >= 8)
            {
                // A real request's header (xid, opcode) with a random record behind it.
                var valid = conversation.Request();
                valid.AsSpan(4, 8).CopyTo(payload);
            }
            var frame = new byte[4 + payload.Length];
            BinaryPrimitives.WriteInt32BigEndian(frame, payload.Length);
            payload.CopyTo(frame, 4);
            frames.Add(frame);
        }
        return (frames, $"{(handshake ? "handshake + " : "")}{count} random {(headers ? "records" : "payloads")} in valid frames");
    }

    private static (List<byte[]>, string) MutatedConversation(Random rng, ValidConversation conversation)
    {
        var frames = conversation.Frames();
        var mutator = new FrameMutator(rng);
        var count = rng.Next(10) == 0 ? 0 : 1 + rng.Next(3);
        var done = new List<string>();
        for (var i = 0; i < count; i++) done.Add(mutator.Mutate(frames));
        return (frames, $"handshake + {frames.Count - 1} requests, " + (count == 0 ? "unmutated" : string.Join(", ", done)));
    }

    private static CaseEnding Ending(Random rng, bool aligned)
    {
        var roll = rng.Next(100);
        if (aligned) return roll switch { < 70 => CaseEnding.Probe, < 85 => CaseEnding.HalfClose, < 95 => CaseEnding.Abort, _ => CaseEnding.Reset };
        return roll switch { < 50 => CaseEnding.HalfClose, < 85 => CaseEnding.Abort, _ => CaseEnding.Reset };
    }

    /// <summary>One write, random cuts, cuts at frame boundaries, or one byte per write.</summary>
    private static List<int> Cuts(Random rng, List<byte[]> frames, int length)
    {
        var roll = rng.Next(100);
        if (roll < 40 || length < 2) return [];
        if (roll < 70) return RandomCuts(rng, length, 1 + rng.Next(8));
        if (roll < 85)
        {
            var boundaries = new List<int>();
            var at = 0;
            foreach (var frame in frames)
            {
                // Just before, at or just after each frame's start: length prefixes split across writes too.
                at += frame.Length;
                var cut = at + rng.Next(-3, 4);
                if (cut > 0 && cut < length) boundaries.Add(cut);
            }
            return boundaries.Distinct().Order().ToList();
        }
        return length <= 300 ? Enumerable.Range(1, length - 1).ToList() : RandomCuts(rng, length, 16);
    }

    private static List<int> RandomCuts(Random rng, int length, int count) =>
        Enumerable.Range(0, count).Select(_ => rng.Next(1, length)).Distinct().Order().ToList();
}
