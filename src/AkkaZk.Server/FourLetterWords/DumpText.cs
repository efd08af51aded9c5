using System.Text;
using AkkaZk.Server.Stats;
using AkkaZk.Server.Tree;

namespace AkkaZk.Server.FourLetterWords;

/// <summary>
/// dump, as ZooKeeper's DumpCommand: the session tracker's expiry buckets (ExpiryQueue.dump), the ephemerals of
/// each session (DataTree.dumpEphemerals) and the connections' expiry buckets (NIOServerCnxnFactory.dumpConnections,
/// whose interval is the sessionless connection timeout and whose deadline is the last I/O plus the session timeout).
/// </summary>
public static class DumpText
{
    public static string Dump(TreeProtocol.SessionDump sessions, IEnumerable<ConnectionInfo> connections, int intervalMs,
        long nowTicks, long nowWallMs)
    {
        var text = new StringBuilder("SessionTracker dump:\n");
        text.Append("Session Sets (").Append(sessions.Buckets.Count).Append(")/(").Append(sessions.SessionCount).Append("):\n");
        foreach (var bucket in sessions.Buckets)
        {
            text.Append(bucket.SessionIds.Count).Append(" expire at ").Append(JavaDate.Format(bucket.ExpiresAtMs)).Append(":\n");
            foreach (var id in bucket.SessionIds) text.Append("\t0x").Append(id.ToString("x")).Append('\n');
        }

        text.Append("ephemeral nodes dump:\n");
        text.Append("Sessions with Ephemerals (").Append(sessions.Ephemerals.Count).Append("):\n");
        foreach (var (sessionId, paths) in sessions.Ephemerals)
        {
            text.Append("0x").Append(sessionId.ToString("x")).Append(":\n");
            foreach (var path in paths.Order(StringComparer.Ordinal)) text.Append('\t').Append(path).Append('\n');
        }

        text.Append("Connections dump:\n");
        var all = connections.ToList();
        var buckets = all.GroupBy(c => RoundUp(c.LastActivity + c.TimeoutMs, intervalMs)).OrderBy(g => g.Key).ToList();
        text.Append("Connections Sets (").Append(buckets.Count).Append(")/(").Append(all.Count).Append("):\n");
        foreach (var bucket in buckets)
        {
            var wall = nowWallMs + (bucket.Key - nowTicks);
            text.Append(bucket.Count()).Append(" expire at ").Append(JavaDate.Format(wall)).Append(":\n");
            foreach (var c in bucket)
                text.Append("\tip: /").Append(c.RemoteAddress).Append(':').Append(c.RemotePort)
                    .Append(" sessionId: 0x").Append(c.SessionId.ToString("x")).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>ExpiryQueue.roundToNextInterval.</summary>
    private static long RoundUp(long time, int intervalMs) => intervalMs <= 0 ? time : (time / intervalMs + 1) * intervalMs;
}
