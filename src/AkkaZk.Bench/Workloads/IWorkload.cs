using AkkaZk.Bench.Load;

namespace AkkaZk.Bench.Workloads;

/// <summary>
/// One kind of load: what to create before measuring, what each connection sends while measured, and how to remove
/// everything afterwards. Everything lives under the workload's own root znode.
/// </summary>
public interface IWorkload
{
    string Root { get; }
    IReadOnlyList<BulkPhase> Prepare(int sessions);
    IOpSource Source(int connection);
    IReadOnlyList<BulkPhase> Cleanup(int sessions);
}
