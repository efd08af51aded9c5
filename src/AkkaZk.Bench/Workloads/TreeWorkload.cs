using AkkaZk.Bench.Load;

namespace AkkaZk.Bench.Workloads;

/// <summary>
/// Builds a large tree as fast as pipelining allows: <c>znodes</c> leaves with 15-character names
/// (<c>n</c> + 14 digits) spread round-robin over <c>parents</c> parents, each holding the value.
/// The measured load is finite: it ends when every leaf is created.
/// </summary>
public sealed class TreeWorkload(string root, int sessions, long znodes, int parents, byte[] value) : IWorkload
{
    private readonly BulkPhase _leaves = BulkPhase.Striped("create leaves", sessions, znodes, i => Ops.Create(Leaf(root, parents, i), value));

    public string Root => root;

    public IReadOnlyList<BulkPhase> Prepare(int sessions) =>
        [BulkPhase.Ordered("setup", [Ops.Create(root, null), .. Parents().Select(p => Ops.Create(p, null))])];

    public IOpSource Source(int connection) => _leaves.Sources[connection];

    public IReadOnlyList<BulkPhase> Cleanup(int sessions) =>
    [
        BulkPhase.Striped("delete leaves", sessions, znodes, i => Ops.Delete(Leaf(root, parents, i))),
        BulkPhase.Ordered("teardown", [.. Parents().Select(Ops.Delete), Ops.Delete(root)]),
    ];

    private IEnumerable<string> Parents() => Enumerable.Range(0, parents).Select(j => $"{root}/p{j:D4}");

    private static string Leaf(string root, int parents, long i) => $"{root}/p{i % parents:D4}/n{i:D14}";
}
