using AkkaZk.Bench.Load;
using AkkaZk.Bench.Net;

namespace AkkaZk.Bench.Workloads;

/// <summary>
/// Single-znode operations on random leaves of a prepared <see cref="DataSet"/>: get (getData), set (setData,
/// version −1), exists, children (getChildren of a random parent: 100 names), or mixed (read-pct % getData, the
/// rest setData). Each connection has its own seeded generator, so runs repeat.
/// </summary>
public sealed class ReadWriteWorkload(DataSet data, string kind, int readPercent) : IWorkload
{
    public string Root => data.Root;

    public IReadOnlyList<BulkPhase> Prepare(int sessions) => data.Prepare(sessions);

    public IReadOnlyList<BulkPhase> Cleanup(int sessions) => data.Cleanup(sessions);

    public IOpSource Source(int connection)
    {
        var random = new Random(1000 + connection);
        var leaves = data.LeafPaths;
        var parents = data.ParentPaths;
        var value = data.Value;
        Func<Op> next = kind switch
        {
            "get" => () => Ops.GetData(leaves[random.Next(leaves.Length)]),
            "set" => () => Ops.SetData(leaves[random.Next(leaves.Length)], value),
            "exists" => () => Ops.Exists(leaves[random.Next(leaves.Length)]),
            "children" => () => Ops.GetChildren(parents[random.Next(parents.Length)]),
            "mixed" => () => random.Next(100) < readPercent
                ? Ops.GetData(leaves[random.Next(leaves.Length)])
                : Ops.SetData(leaves[random.Next(leaves.Length)], value),
            _ => throw new ArgumentException($"not a read/write op: {kind}"),
        };
        return new InfiniteSource(next);
    }
}
