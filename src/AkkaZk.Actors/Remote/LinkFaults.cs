using System.Collections.Concurrent;

namespace AkkaZk.Actors.Remote;

/// <summary>
/// Fault injection shared by the peer links of the nodes a test runs in one process (the conductor's Blackhole and
/// PassThrough). A link consults it for every frame it sends and receives: traffic between a blackholed pair of
/// node ids is dropped in both directions, while the TCP connections stay up, so each side finds out the way it
/// would on a real partition (missing pings, timeouts). Production nodes use <see cref="None"/>.
/// </summary>
public sealed class LinkFaults
{
    private readonly ConcurrentDictionary<(long, long), byte> _blackholed = new();

    public static LinkFaults None { get; } = new();

    public void Blackhole(long a, long b)
    {
        if (ReferenceEquals(this, None)) throw new InvalidOperationException("LinkFaults.None cannot be changed");
        _blackholed[(Math.Min(a, b), Math.Max(a, b))] = 0;
    }

    public void PassThrough(long a, long b) => _blackholed.TryRemove((Math.Min(a, b), Math.Max(a, b)), out _);

    /// <summary>Isolates <paramref name="node"/> from every one of <paramref name="others"/>.</summary>
    public void Isolate(long node, IEnumerable<long> others)
    {
        foreach (var other in others)
            if (other != node) Blackhole(node, other);
    }

    public void HealAll() => _blackholed.Clear();

    public bool IsBlackholed(long from, long to) => !_blackholed.IsEmpty && _blackholed.ContainsKey((Math.Min(from, to), Math.Max(from, to)));
}
