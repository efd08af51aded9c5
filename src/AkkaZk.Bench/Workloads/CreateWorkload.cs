using AkkaZk.Bench.Load;

namespace AkkaZk.Bench.Workloads;

/// <summary>
/// Creates new persistent znodes <c>root/c/s{connection}/n{k}</c> holding the value, for as long as it runs.
/// It remembers how many each connection sent, so cleanup deletes exactly those without listing children.
/// </summary>
public sealed class CreateWorkload(string root, int sessions, byte[] value) : IWorkload
{
    private readonly SequenceSource[] _sources = Enumerable.Range(0, sessions)
        .Select(c => new SequenceSource(long.MaxValue, k => Ops.Create(Leaf(root, c, k), value)))
        .ToArray();

    public string Root => root;

    public IReadOnlyList<BulkPhase> Prepare(int sessions) =>
        [BulkPhase.Ordered("setup", [Ops.Create(root, null), Ops.Create($"{root}/c", null), .. Parents().Select(p => Ops.Create(p, null))])];

    public IOpSource Source(int connection) => _sources[connection];

    public IReadOnlyList<BulkPhase> Cleanup(int sessions) =>
    [
        new("delete created", _sources.Select((s, c) => (IOpSource)new SequenceSource(s.Issued, k => Ops.Delete(Leaf(root, c, k)))).ToList()),
        BulkPhase.Ordered("teardown", [.. Parents().Select(Ops.Delete), Ops.Delete($"{root}/c"), Ops.Delete(root)]),
    ];

    private IEnumerable<string> Parents() => Enumerable.Range(0, _sources.Length).Select(c => $"{root}/c/s{c}");

    private static string Leaf(string root, int connection, long k) => $"{root}/c/s{connection}/n{k}";
}
