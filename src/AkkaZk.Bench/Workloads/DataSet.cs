using AkkaZk.Bench.Net;

namespace AkkaZk.Bench.Workloads;

/// <summary>
/// The znodes read and written by get/set/exists/children/mixed/multi: <c>root/d/p{j}/n{i}</c>, 100 leaves per
/// parent by default (the children workload's getChildren size), each holding the value. Paths are built once so the hot loop allocates no strings.
/// </summary>
public sealed class DataSet
{
    public DataSet(string root, int znodes, byte[] value, int leavesPerParent = 100)
    {
        Root = root;
        Value = value;
        var parents = Math.Max(1, (znodes + leavesPerParent - 1) / leavesPerParent);
        ParentPaths = Enumerable.Range(0, parents).Select(j => $"{root}/d/p{j}").ToArray();
        LeafPaths = Enumerable.Range(0, znodes).Select(i => $"{ParentPaths[i / leavesPerParent]}/n{i}").ToArray();
    }

    public string Root { get; }
    public byte[] Value { get; }
    public string[] ParentPaths { get; }
    public string[] LeafPaths { get; }

    public IReadOnlyList<BulkPhase> Prepare(int sessions) =>
    [
        BulkPhase.Ordered("setup", [Ops.Create(Root, null), Ops.Create($"{Root}/d", null), .. ParentPaths.Select(p => Ops.Create(p, null))]),
        BulkPhase.Striped("create leaves", sessions, LeafPaths.Length, i => Ops.Create(LeafPaths[i], Value)),
    ];

    public IReadOnlyList<BulkPhase> Cleanup(int sessions) =>
    [
        BulkPhase.Striped("delete leaves", sessions, LeafPaths.Length, i => Ops.Delete(LeafPaths[i])),
        BulkPhase.Ordered("teardown", [.. ParentPaths.Select(Ops.Delete), Ops.Delete($"{Root}/d"), Ops.Delete(Root)]),
    ];
}
