namespace AkkaZk.Bench.Commands;

/// <summary>A root znode of its own for each benchmark run, so runs never collide and cleanup is one subtree.</summary>
public static class BenchRoot
{
    public static string New(string kind) =>
        $"/bench-{kind}-{DateTime.UtcNow:yyyyMMddHHmmss}-{Random.Shared.Next(0x10000):x4}";

    public static byte[] Value(int size)
    {
        var value = new byte[size];
        new Random(size).NextBytes(value);
        return value;
    }
}
