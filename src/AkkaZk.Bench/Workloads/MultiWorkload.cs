using AkkaZk.Bench.Load;

namespace AkkaZk.Bench.Workloads;

/// <summary>multi of <c>size</c> setData ops on random leaves of a prepared <see cref="DataSet"/>: one op = one multi.</summary>
public sealed class MultiWorkload(DataSet data, int size) : IWorkload
{
    public string Root => data.Root;

    public IReadOnlyList<BulkPhase> Prepare(int sessions) => data.Prepare(sessions);

    public IReadOnlyList<BulkPhase> Cleanup(int sessions) => data.Cleanup(sessions);

    public IOpSource Source(int connection)
    {
        var random = new Random(2000 + connection);
        var leaves = data.LeafPaths;
        return new InfiniteSource(() =>
            Ops.MultiSetData(Enumerable.Range(0, size).Select(_ => leaves[random.Next(leaves.Length)]), data.Value));
    }
}
