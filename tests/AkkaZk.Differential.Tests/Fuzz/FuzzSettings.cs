namespace AkkaZk.Differential.Tests.Fuzz;

/// <summary>
/// How long and how hard to fuzz, from the environment: AKKAZK_FUZZ_SECONDS (default 20), AKKAZK_FUZZ_SEED
/// (default fixed so CI is repeatable; "random" picks one), AKKAZK_FUZZ_CONNECTIONS (concurrent fuzz connections,
/// default 8) and AKKAZK_FUZZ_CASE (replays the single case with that seed, as printed on a failure).
/// </summary>
public sealed record FuzzSettings(TimeSpan Duration, long Seed, int Connections, long? ReplayCase)
{
    public const long DefaultSeed = 20261122;

    public static FuzzSettings FromEnvironment()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("AKKAZK_FUZZ_SECONDS"), out var s) && s > 0 ? s : 20;
        var seedText = Environment.GetEnvironmentVariable("AKKAZK_FUZZ_SEED");
        var seed = seedText == "random" ? Random.Shared.NextInt64()
            : long.TryParse(seedText, out var given) ? given : DefaultSeed;
        var connections = int.TryParse(Environment.GetEnvironmentVariable("AKKAZK_FUZZ_CONNECTIONS"), out var c) && c > 0 ? c : 8;
        long? replay = long.TryParse(Environment.GetEnvironmentVariable("AKKAZK_FUZZ_CASE"), out var r) ? r : null;
        return new FuzzSettings(TimeSpan.FromSeconds(seconds), seed, connections, replay);
    }

    /// <summary>The seed of case <paramref name="index"/> of fuzz connection <paramref name="worker"/>: each case replays alone.</summary>
    public long CaseSeed(int worker, long index)
    {
        // splitmix64 over (seed, worker, index): neighbouring cases get unrelated streams.
        var z = unchecked((ulong)Seed + 0x9E3779B97F4A7C15UL * (ulong)(worker + 1) + 0xBF58476D1CE4E5B9UL * (ulong)index);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (long)(z ^ (z >> 31));
    }
}
