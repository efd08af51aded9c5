namespace AkkaZk.Server.Stats;

/// <summary>
/// ZooKeeper's READ_PER_NAMESPACE and WRITE_PER_NAMESPACE summary sets (mntr zk_*_&lt;ns&gt;_read_per_namespace): bytes
/// per top-level znode, as DataTree.updateReadStat (path length + bytes + 68 for the Stat) and updateWriteStat
/// (path length + bytes). Owned by the tree's actor.
/// </summary>
public sealed class NamespaceMetrics
{
    /// <summary>DataTree.STAT_OVERHEAD_BYTES: the Stat's six longs and five ints.</summary>
    private const int StatOverheadBytes = 6 * 8 + 5 * 4;

    private readonly Dictionary<string, SummaryStat> _reads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SummaryStat> _writes = new(StringComparer.Ordinal);

    public void Read(string path, long bytes)
    {
        if (TopNamespace(path) is { } ns) Summary(_reads, ns, "read").Add(path.Length + bytes + StatOverheadBytes);
    }

    public void Write(string path, long bytes)
    {
        if (TopNamespace(path) is { } ns) Summary(_writes, ns, "write").Add(path.Length + bytes);
    }

    public IReadOnlyList<SummarySnapshot> Snapshot() =>
        [.. _reads.Values.Concat(_writes.Values).Select(s => s.Snapshot())];

    /// <summary>srst (ServerMetrics.resetAll): the namespaces stay, their values go back to zero.</summary>
    public void Reset()
    {
        foreach (var summary in _reads.Values.Concat(_writes.Values)) summary.Reset();
    }

    /// <summary>PathUtils.getTopNamespace: the second element of Java's path.split("/"), or null.</summary>
    public static string? TopNamespace(string path)
    {
        var parts = path.Split('/');
        var count = parts.Length;
        while (count > 0 && parts[count - 1].Length == 0) count--;
        return count > 1 ? parts[1] : null;
    }

    private static SummaryStat Summary(Dictionary<string, SummaryStat> summaries, string ns, string kind)
    {
        if (!summaries.TryGetValue(ns, out var summary))
        {
            summary = new SummaryStat($"{ns}_{kind}_per_namespace", withPercentiles: false);
            summaries.Add(ns, summary);
        }
        return summary;
    }
}
