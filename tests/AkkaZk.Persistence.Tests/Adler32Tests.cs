using System.Text;

namespace AkkaZk.Persistence.Tests;

public sealed class Adler32Tests
{
    [Fact]
    public void Matches_the_reference_values()
    {
        Assert.Equal(1u, Adler32.Compute([]));
        Assert.Equal(0x11E60398u, Adler32.Compute(Encoding.ASCII.GetBytes("Wikipedia")));
    }

    [Fact]
    public void Incremental_update_equals_one_shot_across_the_modulo_run_boundary()
    {
        var data = Enumerable.Range(0, 20_000).Select(i => (byte)(255 - i % 7)).ToArray();
        var split = Adler32.Update(Adler32.Compute(data.AsSpan(0, 7_001)), data.AsSpan(7_001));
        Assert.Equal(Adler32.Compute(data), split);
        Assert.Equal(NaiveAdler32(data), split);
    }

    private static uint NaiveAdler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var value in data)
        {
            a = (a + value) % 65521;
            b = (b + a) % 65521;
        }
        return (b << 16) | a;
    }
}
