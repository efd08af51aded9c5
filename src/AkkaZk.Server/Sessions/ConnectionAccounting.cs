using AkkaZk.Server.Stats;

namespace AkkaZk.Server.Sessions;

/// <summary>
/// What one connection adds to the server's and its own statistics (ZooKeeper's ServerCnxn packetReceived,
/// packetSent, updateStatsForResponse and outstanding-request accounting). Used by the connection's actor only.
/// </summary>
public sealed class ConnectionAccounting(ServerStats stats, ConnectionInfo info, CountGate serverOutstanding)
{
    public void PacketReceived(int bytes)
    {
        stats.PacketReceived();
        info.PacketReceived();
        stats.Metrics.BytesReceived.Add(bytes);
    }

    /// <summary>A reply, notification or ConnectResponse frame of <paramref name="frameBytes"/> (length prefix included).</summary>
    public void PacketSent(int frameBytes, bool isReply)
    {
        stats.PacketSent();
        info.PacketSent();
        // As ServerCnxn.sendResponse: the size counted is the packet without its length prefix.
        stats.ClientResponseSizes.Record(frameBytes - 4);
        if (isReply) stats.Metrics.ResponseBytes.Add(frameBytes - 4);
    }

    public void RequestStarted()
    {
        stats.RequestStarted();
        stats.Metrics.RequestsQueued.Add();
        info.Outstanding.Increment();
        serverOutstanding.Increment();
    }

    /// <summary>A response went out: latency (server, read or update, connection) and the cons fields.</summary>
    public void ResponseSent(long cxid, long zxid, string operation, bool isUpdate, long start, long end)
    {
        var latency = end - start;
        stats.RecordLatency(latency);
        (isUpdate ? stats.Metrics.UpdateLatency : stats.Metrics.ReadLatency).Add(latency);
        info.Responses.Record(cxid, zxid, operation, start, end);
    }

    public void RequestFinished()
    {
        stats.RequestFinished();
        info.Outstanding.Decrement();
        serverOutstanding.Decrement();
    }

    /// <summary>The connection closed with requests unanswered: they no longer count against the limit.</summary>
    public void AbandonOutstanding()
    {
        var count = info.Outstanding.Count;
        if (count <= 0) return;
        stats.RequestsAbandoned(count);
        info.Outstanding.Decrement(count);
        serverOutstanding.Decrement(count);
    }
}
