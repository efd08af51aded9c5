using System.Runtime.CompilerServices;

namespace AkkaZk.Persistence;

/// <summary>
/// Adler-32 as java.util.zip.Adler32, which ZooKeeper uses to seal snapshot files and txn-log entries
/// (the value is the unsigned 32-bit sum, written by ZooKeeper as a long). Start from <see cref="Initial"/>.
/// </summary>
public static class Adler32
{
    public const uint Initial = 1;

    private const uint Modulus = 65521;

    // The largest run of bytes whose sums cannot overflow 32 bits before a modulo (zlib's NMAX).
    private const int MaxRun = 5552;

    public static uint Compute(ReadOnlySpan<byte> data) => Update(Initial, data);

    // Runs over every journal row and snapshot byte at start-up, before tiered JIT would optimise it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint Update(uint adler, ReadOnlySpan<byte> data)
    {
        var a = adler & 0xFFFF;
        var b = adler >> 16;
        while (!data.IsEmpty)
        {
            var run = data[..Math.Min(MaxRun, data.Length)];
            foreach (var value in run)
            {
                a += value;
                b += a;
            }
            a %= Modulus;
            b %= Modulus;
            data = data[run.Length..];
        }
        return (b << 16) | a;
    }
}
