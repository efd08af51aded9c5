using System.Text;
using AkkaZk.Server.Ensemble.Zab;
using AkkaZk.Server.Stats;
using AkkaZk.Server.Tree;

namespace AkkaZk.Server.FourLetterWords;

/// <summary>
/// mntr, as ZooKeeper 3.8's MonitorCommand: "zk_&lt;key&gt;\t&lt;value&gt;" lines, zk_version and zk_server_state
/// first, then the gauges, the counters and the summaries (avg/min/max/cnt/sum and, for some, p50/p95/p99/p999).
/// Metrics this server has no counterpart for (proposals, commit processor, TLS, Netty, …) print as zero, as a
/// fresh standalone ZooKeeper prints them.
/// </summary>
public static class MonitorText
{
    private static readonly string[] s_zeroCounters =
    [
        "proposal_count", "commit_count", "learner_proposal_received_count", "learner_commit_received_count",
        "diff_count", "snap_count", "revalidate_count", "watch_bytes", "dead_watchers_queued", "dead_watchers_cleared",
        "add_dead_watcher_stall_time", "stale_requests", "stale_requests_dropped", "stale_replies",
        "stale_sessions_expired", "connection_drop_count", "connection_revalidate_count",
        "cnxn_closed_without_zk_server_running", "throttled_ops", "large_requests_rejected",
        "request_throttle_wait_count", "response_packet_cache_hits", "response_packet_cache_misses",
        "response_packet_get_children_cache_hits", "response_packet_get_children_cache_misses",
        "ensemble_auth_success", "ensemble_auth_fail", "ensemble_auth_skip", "outstanding_changes_queued",
        "outstanding_changes_removed", "request_commit_queued", "requests_not_forwarded_to_commit_processor",
        "skip_learner_request_to_next_processor_count", "insecure_admin_count", "looking_count",
        "quit_leading_due_to_disloyal_voter", "unrecoverable_error_count",
        "tls_handshake_exceeded",
    ];

    private static readonly string[] s_zeroSummaries =
    [
        "dbinittime", "snapshottime", "fsynctime", "startup_snap_load_time", "startup_txns_load_time",
        "startup_txns_loaded", "election_time", "follower_sync_time", "observer_sync_time", "inflight_diff_count",
        "inflight_snap_count", "leader_unavailable_time", "unavailable_time", "connection_token_deficit",
        "socket_closing_time", "prep_process_time", "prep_processor_queue_size", "proposal_process_time",
        "learner_request_processor_queue_size", "commit_process_time", "commit_commit_proc_req_queued",
        "write_commit_proc_issued", "write_commit_proc_req_queued", "write_batch_time_in_commit_processor",
        "read_commit_proc_issued", "read_commit_proc_req_queued", "concurrent_request_processing_in_commit_processor",
        "time_waiting_empty_pool_in_commit_processor_read_ms", "session_queues_drained", "pending_session_queue_size",
        "requests_in_session_queue", "reads_issued_from_session_queue", "reads_after_write_in_session_queue",
        "sync_process_time", "sync_processor_batch_size", "sync_processor_queue_size", "node_created_watch_count",
        "node_deleted_watch_count", "node_changed_watch_count", "node_children_watch_count",
        "netty_queued_buffer_capacity",
    ];

    private static readonly string[] s_zeroPercentileSummaries =
    [
        "jvm_pause_time_ms", "close_session_prep_time", "prep_processor_queue_time_ms", "proposal_latency",
        "proposal_ack_creation_latency", "quorum_ack_latency", "propagation_latency", "commit_propagation_latency",
        "write_commitproc_time_ms", "read_commitproc_time_ms", "read_final_proc_time_ms", "write_final_proc_time_ms",
        "local_write_committed_time_ms", "server_write_committed_time_ms", "sync_processor_queue_time_ms",
        "sync_processor_queue_flush_time_ms", "sync_processor_queue_and_flush_time_ms", "dead_watchers_cleaner_latency",
        "om_proposal_process_time_ms", "om_commit_process_time_ms", "request_throttle_queue_time_ms",
    ];

    public static string Mntr(StatusSource source, TreeProtocol.TreeStats tree, (long Open, long Max) fileDescriptors,
        LeaderActor.LeaderStats? leader = null)
    {
        var stats = source.Stats;
        var metrics = stats.Metrics;
        var (lastSize, minSize, maxSize) = stats.ClientResponseSizes.Read();
        var text = new StringBuilder();
        Line(text, "version", $"{ServerVersion.Full}, built on {ServerVersion.BuiltOn}");
        Line(text, "server_state", source.Mode);
        if (source.Quorum is { } quorum)
        {
            Line(text, "peer_state", quorum.PeerState);
            if (quorum.ObserverMasterId is { } master) Line(text, "observer_master_id", master);
        }

        Line(text, "avg_latency", JavaDouble.Average(stats.LatencyAverage));
        Line(text, "max_latency", stats.LatencyMax);
        Line(text, "min_latency", stats.LatencyMin);
        Line(text, "packets_received", stats.PacketsReceived);
        Line(text, "packets_sent", stats.PacketsSent);
        Line(text, "num_alive_connections", source.Registry.Count);
        Line(text, "outstanding_requests", stats.Outstanding);
        Line(text, "znode_count", tree.NodeCount);
        Line(text, "watch_count", tree.WatchCount);
        Line(text, "ephemerals_count", tree.EphemeralCount);
        Line(text, "approximate_data_size", tree.ApproximateDataSize);
        Line(text, "open_file_descriptor_count", fileDescriptors.Open);
        Line(text, "max_file_descriptor_count", fileDescriptors.Max);
        Line(text, "uptime", Environment.TickCount64 - stats.StartedTicks);
        Line(text, "global_sessions", tree.SessionCount);
        Line(text, "local_sessions", 0);
        Line(text, "connection_drop_probability", "0.0");
        Line(text, "last_client_response_size", lastSize);
        Line(text, "min_client_response_size", minSize);
        Line(text, "max_client_response_size", maxSize);
        Line(text, "outstanding_tls_handshake", 0);
        Line(text, "auth_failed_count", stats.AuthFailed);
        Line(text, "non_mtls_remote_conn_count", 0);
        Line(text, "non_mtls_local_conn_count", 0);
        if (source.Quorum is not null) Line(text, "quorum_size", source.Quorum.QuorumSize);
        if (leader is not null) LeaderLines(text, leader);

        foreach (var (name, counter) in metrics.Counters) Line(text, name, counter.Value);
        // In standalone every request also passes the sync processor's queue.
        Line(text, "sync_processor_request_queued", metrics.RequestsQueued.Value);
        foreach (var name in s_zeroCounters)
        {
            Line(text, name, 0);
            // digest_mismatches_count keeps its place in ZooKeeper's order, after looking_count.
            if (name == "looking_count") Line(text, "digest_mismatches_count", tree.DigestMismatches);
        }

        foreach (var summary in metrics.Summaries) Summary(text, summary.Snapshot());
        foreach (var name in s_zeroSummaries) Summary(text, new SummarySnapshot(name, 0, 0, 0, 0, null));
        foreach (var name in s_zeroPercentileSummaries) Summary(text, new SummarySnapshot(name, 0, 0, 0, 0, [0, 0, 0, 0]));
        foreach (var summary in tree.NamespaceSummaries) Summary(text, summary);
        return text.ToString();
    }

    /// <summary>LeaderZooKeeperServer.dumpMonitorValues (3.8 says learners; 3.4's zk_followers is kept for old dashboards).</summary>
    private static void LeaderLines(StringBuilder text, LeaderActor.LeaderStats leader)
    {
        Line(text, "learners", leader.Followers);
        Line(text, "followers", leader.Followers);
        Line(text, "synced_followers", leader.SyncedFollowers);
        Line(text, "synced_non_voting_followers", 0);
        Line(text, "synced_observers", leader.SyncedObservers);
        Line(text, "pending_syncs", leader.PendingSyncs);
    }

    private static void Summary(StringBuilder text, SummarySnapshot s)
    {
        Line(text, "avg_" + s.Name, JavaDouble.Average(s.Average));
        Line(text, "min_" + s.Name, s.Min);
        Line(text, "max_" + s.Name, s.Max);
        Line(text, "cnt_" + s.Name, s.Count);
        Line(text, "sum_" + s.Name, s.Sum);
        if (s.Percentiles is not [var p50, var p95, var p99, var p999]) return;
        Line(text, "p50_" + s.Name, p50);
        Line(text, "p95_" + s.Name, p95);
        Line(text, "p99_" + s.Name, p99);
        Line(text, "p999_" + s.Name, p999);
    }

    private static void Line(StringBuilder text, string key, long value) => Line(text, key, value.ToString());

    private static void Line(StringBuilder text, string key, string value) =>
        text.Append("zk_").Append(key).Append('\t').Append(value).Append('\n');
}
