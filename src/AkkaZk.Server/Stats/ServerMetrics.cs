namespace AkkaZk.Server.Stats;

/// <summary>
/// The ZooKeeper ServerMetrics this server measures (mntr prints every other metric as zero): connection and
/// byte counters, and the read/update latency summaries.
/// </summary>
public sealed class ServerMetrics
{
    public Counter ConnectionRejected { get; } = new();
    public Counter ConnectionRequests { get; } = new();
    public Counter SessionlessConnectionsExpired { get; } = new();
    public Counter UnsuccessfulHandshakes { get; } = new();
    public Counter BytesReceived { get; } = new();
    public Counter ResponseBytes { get; } = new();
    public Counter RequestsQueued { get; } = new();
    public SummaryStat ReadLatency { get; } = new("readlatency", withPercentiles: true);
    public SummaryStat UpdateLatency { get; } = new("updatelatency", withPercentiles: true);

    /// <summary>The counters by their mntr name (without zk_).</summary>
    public IEnumerable<(string Name, Counter Counter)> Counters =>
    [
        ("connection_rejected", ConnectionRejected),
        ("connection_request_count", ConnectionRequests),
        ("sessionless_connections_expired", SessionlessConnectionsExpired),
        ("unsuccessful_handshake", UnsuccessfulHandshakes),
        ("bytes_received_count", BytesReceived),
        ("response_bytes", ResponseBytes),
        ("prep_processor_request_queued", RequestsQueued),
    ];

    public IEnumerable<SummaryStat> Summaries => [ReadLatency, UpdateLatency];

    public void Reset()
    {
        foreach (var (_, counter) in Counters) counter.Reset();
        foreach (var summary in Summaries) summary.Reset();
    }
}
