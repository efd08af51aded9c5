using AkkaZk.Bench.Load;

namespace AkkaZk.Bench.Workloads;

/// <summary>
/// Deletes prepared znodes <c>root/x/s{connection}/n{k}</c>, each once: a finite load, so a run ends early when
/// they are gone (prepare enough with --znodes). Cleanup deletes the ones the run did not reach.
/// </summary>
public sealed class DeleteWorkload(string root, int sessions, int znodes, byte[] value) : IWorkload
{
    private readonly SequenceSource[] _sources = Enumerable.Range(0, sessions)
        .Select(c => new SequenceSource(PerConnection(znodes, sessions, c), k => Ops.Delete(Leaf(root, c, k))))
        .ToArray();

    public string Root => root;

    public IReadOnlyList<BulkPhase> Prepare(int sessions) =>
    [
        BulkPhase.Ordered("setup", [Ops.Create(root, null), Ops.Create($"{root}/x", null), .. Parents().Select(p => Ops.Create(p, null))]),
        new("create leaves", Enumerable.Range(0, _sources.Length)
            .Select(c => (IOpSource)new SequenceSource(PerConnection(znodes, _sources.Length, c), k => Ops.Create(Leaf(root, c, k), value)))
            .ToList()),
    ];

    public IOpSource Source(int connection) => _sources[connection];

    public IReadOnlyList<BulkPhase> Cleanup(int sessions) =>
    [
        new("delete rest", _sources.Select((s, c) =>
        {
            var first = s.Issued;
            return (IOpSource)new SequenceSource(PerConnection(znodes, _sources.Length, c) - first, k => Ops.Delete(Leaf(root, c, first + k)));
        }).ToList()),
        BulkPhase.Ordered("teardown", [.. Parents().Select(Ops.Delete), Ops.Delete($"{root}/x"), Ops.Delete(root)]),
    ];

    private IEnumerable<string> Parents() => Enumerable.Range(0, _sources.Length).Select(c => $"{root}/x/s{c}");

    private static long PerConnection(int total, int connections, int c) => total / connections + (c < total % connections ? 1 : 0);

    private static string Leaf(string root, int connection, long k) => $"{root}/x/s{connection}/n{k}";
}
