namespace AkkaZk.Persistence.Tests;

public sealed class SnapshotPolicyTests
{
    [Fact]
    public void Threshold_is_half_snapcount_plus_a_roll_below_half()
    {
        var policy = new SnapshotPolicy(1000, new Random(42));
        var expectedRoll = new Random(42).Next(500);
        Assert.Equal(500 + expectedRoll, policy.CountThreshold);
        Assert.False(policy.ShouldSnapshot(policy.CountThreshold));
        Assert.True(policy.ShouldSnapshot(policy.CountThreshold + 1));
    }

    [Fact]
    public void Reset_rerolls_deterministically_within_range()
    {
        var a = new SnapshotPolicy(100, new Random(7));
        var b = new SnapshotPolicy(100, new Random(7));
        var seen = new HashSet<int>();
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(a.CountThreshold, b.CountThreshold);
            Assert.InRange(a.CountThreshold, 50, 99);
            seen.Add(a.CountThreshold);
            a.Reset();
            b.Reset();
        }
        Assert.True(seen.Count > 10);
    }

    [Fact]
    public void Size_rule_applies_only_when_a_limit_is_set()
    {
        var bySize = new SnapshotPolicy(100_000, new Random(1), snapSizeLimitBytes: 1_000_000);
        Assert.InRange(bySize.SizeThreshold, 500_000, 999_999);
        Assert.True(bySize.ShouldSnapshot(1, bySize.SizeThreshold + 1));
        Assert.False(bySize.ShouldSnapshot(1, bySize.SizeThreshold));

        var countOnly = new SnapshotPolicy(100_000, new Random(1));
        Assert.False(countOnly.ShouldSnapshot(1, long.MaxValue - 1));
    }

    [Fact]
    public void Snapcount_below_two_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SnapshotPolicy(1, new Random(1)));
}
