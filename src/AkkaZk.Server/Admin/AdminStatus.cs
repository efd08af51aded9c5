using System.Globalization;
using AkkaZk.Server.FourLetterWords;

namespace AkkaZk.Server.Admin;

/// <summary>The AdminServer commands built from the server's and the tree's statistics (srvr, stat, cons, mntr, dump, wch*).</summary>
internal static class AdminStatus
{
    public static async Task<AdminAnswer> MonitorAsync(AdminRequest request) =>
        new(MonitorFields(await request.Service!.RunUncheckedAsync("mntr").ConfigureAwait(false)).ToList());

    /// <summary>mntr's "zk_key\tvalue" lines as typed fields without the zk_ prefix (MonitorCommand's map).</summary>
    public static IEnumerable<KeyValuePair<string, object?>> MonitorFields(string mntr)
    {
        foreach (var line in mntr.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            var key = line[..tab];
            if (key.StartsWith("zk_", StringComparison.Ordinal)) key = key[3..];
            yield return new(key, AdminJson.Typed(line[(tab + 1)..]));
        }
    }

    public static async Task<AdminAnswer> ServerStatsAsync(FourLetterWordService service, bool withConnections)
    {
        var status = service.Status;
        var stats = status.Stats;
        var tree = await service.TreeStatsAsync().ConfigureAwait(false);
        var (last, min, max) = stats.ClientResponseSizes.Read();
        var buffers = new Dictionary<string, object?> { ["last_buffer_size"] = last, ["min_buffer_size"] = min, ["max_buffer_size"] = max };
        var serverStats = new Dictionary<string, object?>
        {
            ["packets_sent"] = stats.PacketsSent,
            ["packets_received"] = stats.PacketsReceived,
            ["fsync_threshold_exceed_count"] = 0,
            ["client_response_stats"] = buffers,
            ["provider_null"] = false,
            ["data_dir_size"] = StatusText.DirectorySize(service.Settings.DataDir),
            ["log_dir_size"] = StatusText.DirectorySize(service.Settings.DataLogDir),
            ["server_state"] = status.Mode,
            ["last_processed_zxid"] = tree.LastZxid,
            ["outstanding_requests"] = stats.Outstanding,
            ["avg_latency"] = Math.Round(stats.LatencyAverage, 4),
            ["max_latency"] = stats.LatencyMax,
            ["min_latency"] = stats.LatencyMin,
            ["num_alive_client_connections"] = status.Registry.Count,
            ["uptime"] = Environment.TickCount64 - stats.StartedTicks,
            ["auth_failed_count"] = stats.AuthFailed,
            ["non_mtlsremote_conn_count"] = 0,
            ["non_mtlslocal_conn_count"] = 0,
        };
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("version", $"{ServerVersion.Full}, built on {ServerVersion.BuiltOn}"),
            new("read_only", false),
            new("server_stats", serverStats),
            new("client_response", buffers),
            new("node_count", tree.NodeCount),
        };
        if (withConnections)
        {
            fields.AddRange(Connections(service).Fields);
        }
        return new AdminAnswer(fields);
    }

    /// <summary>ConsCommand: one object per connection, with cons's fields.</summary>
    public static AdminAnswer Connections(FourLetterWordService service) => AdminAnswer.Of(
        ("connections", service.Connections.All.Select(c =>
        {
            var r = c.Responses.Snapshot();
            return new Dictionary<string, object?>
            {
                ["remote_socket_address"] = $"{c.RemoteAddress}:{c.RemotePort}",
                ["interest_ops"] = c.InterestOps,
                ["outstanding_requests"] = c.Outstanding.Count,
                ["packets_received"] = c.Received,
                ["packets_sent"] = c.Sent,
                ["session_id"] = c.SessionId,
                ["last_operation"] = r.LastOperation,
                ["established"] = c.EstablishedAt.ToUnixTimeMilliseconds(),
                ["session_timeout"] = c.TimeoutMs,
                ["last_cxid"] = r.LastCxid,
                ["last_zxid"] = r.LastZxid,
                ["last_response_time"] = r.LastResponseTime,
                ["last_latency"] = r.LastLatency,
                ["min_latency"] = r.MinLatency,
                ["avg_latency"] = r.AvgLatency,
                ["max_latency"] = r.MaxLatency,
            };
        }).ToList()),
        ("secure_connections", Array.Empty<object>()));

    public static async Task<AdminAnswer> DumpAsync(AdminRequest request)
    {
        var dump = await request.Service!.SessionDumpAsync().ConfigureAwait(false);
        return AdminAnswer.Of(
            ("expiry_time_to_session_ids", dump.Buckets.ToDictionary(b => b.ExpiresAtMs.ToString(CultureInfo.InvariantCulture), b => b.SessionIds)),
            ("session_id_to_ephemeral_paths", dump.Ephemerals.ToDictionary(e => e.Key.ToString(CultureInfo.InvariantCulture), e => e.Value)));
    }

    public static async Task<AdminAnswer> WatchSummaryAsync(AdminRequest request)
    {
        var watches = (await request.Service!.TreeStatsAsync().ConfigureAwait(false)).Watches;
        return AdminAnswer.Of(("num_connections", watches.Connections), ("num_paths", watches.Paths), ("num_total_watches", watches.TotalWatches));
    }

    public static async Task<AdminAnswer> WatchesAsync(AdminRequest request)
    {
        var watches = (await request.Service!.TreeStatsAsync().ConfigureAwait(false)).Watches;
        return AdminAnswer.Of(("session_id_to_watched_paths",
            watches.WatchesBySession.ToDictionary(s => s.SessionId.ToString(CultureInfo.InvariantCulture), s => s.Paths)));
    }

    public static async Task<AdminAnswer> WatchesByPathAsync(AdminRequest request)
    {
        var watches = (await request.Service!.TreeStatsAsync().ConfigureAwait(false)).Watches;
        return AdminAnswer.Of(("path_to_session_ids", watches.WatchesByPath.ToDictionary(p => p.Path, p => p.SessionIds)));
    }
}
