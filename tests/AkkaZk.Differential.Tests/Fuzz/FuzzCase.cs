namespace AkkaZk.Differential.Tests.Fuzz;

/// <summary>How a fuzz connection ends after its bytes are sent.</summary>
public enum CaseEnding
{
    /// <summary>A ping follows (the stream is frame-aligned): the server must answer it or close.</summary>
    Probe,

    /// <summary>The client shuts down its sending side: the server must close.</summary>
    HalfClose,

    /// <summary>The client closes at once, possibly mid-frame (nothing to observe but the server's clean-up).</summary>
    Abort,

    /// <summary>As <see cref="Abort"/>, with a TCP reset instead of a FIN.</summary>
    Reset,

    /// <summary>The client stays silent inside an unfinished first frame: the server must close once the
    /// sessionless connection timeout (10 s) passes.</summary>
    Idle,
}

/// <summary>
/// One fuzz connection: the bytes to send, the offsets where the stream is cut into separate writes, and the ending.
/// <see cref="Seed"/> regenerates it exactly (AKKAZK_FUZZ_CASE). <see cref="ClaimsOtherSession"/>: its handshake
/// names another client's session (with a wrong password), which closes that client's connection.
/// </summary>
public sealed record FuzzCase(long Seed, string Description, byte[] Stream, IReadOnlyList<int> Cuts, CaseEnding Ending, bool ClaimsOtherSession)
{
    /// <summary>The writes, in order: the stream split at <see cref="Cuts"/>.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Writes()
    {
        var start = 0;
        foreach (var cut in Cuts.Append(Stream.Length))
        {
            if (cut <= start) continue;
            yield return Stream.AsMemory(start, cut - start);
            start = cut;
        }
    }

    public override string ToString() =>
        $"case {Seed}: {Description}; {Stream.Length} bytes in {Cuts.Count + 1} writes, then {Ending}";
}
