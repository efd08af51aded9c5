using AkkaZk.Bench.Load;

namespace AkkaZk.Bench.Workloads;

/// <summary>
/// A finite, unmeasured step (setup or cleanup): source i runs on connection i, pipelined, until all run out.
/// Steps that must happen in order (a parent before its children) go in one source: a session's requests are
/// applied in the order sent.
/// </summary>
public sealed record BulkPhase(string Name, IReadOnlyList<IOpSource> Sources)
{
    /// <summary>Ops 0 … count − 1 spread over the connections: connection c gets c, c + n, c + 2n, …</summary>
    public static BulkPhase Striped(string name, int connections, long count, Func<long, Net.Op> make) =>
        new(name, Enumerable.Range(0, connections)
            .Select(c => (IOpSource)new SequenceSource(StripeCount(count, c, connections), k => make(c + k * connections)))
            .ToList());

    public static BulkPhase Ordered(string name, IReadOnlyList<Net.Op> ops) => new(name, [SequenceSource.Of(ops)]);

    private static long StripeCount(long count, int connection, int connections) =>
        count <= connection ? 0 : (count - connection + connections - 1) / connections;
}
