using System.Text;
using AkkaZk.Server.Stats;

namespace AkkaZk.Server.FourLetterWords;

/// <summary>
/// A connection's line in cons and stat, as ServerCnxn.dumpConnectionInfo:
/// " /ip:port[ops](queued=,recved=,sent=" then, in full form and with a session, sid, lop, est, to, lcxid (only
/// when ≥ 0), lzxid, lresp, llat, minlat, avglat, maxlat; then ")".
/// </summary>
public static class ConnectionText
{
    public static void Append(StringBuilder text, ConnectionInfo c, bool brief)
    {
        text.Append(" /").Append(c.RemoteAddress).Append(':').Append(c.RemotePort)
            .Append('[').Append(c.InterestOps.ToString("x")).Append("](queued=").Append(c.Outstanding.Count)
            .Append(",recved=").Append(c.Received).Append(",sent=").Append(c.Sent);
        var sessionId = c.SessionId;
        if (!brief && sessionId != 0)
        {
            var r = c.Responses.Snapshot();
            text.Append(",sid=0x").Append(sessionId.ToString("x")).Append(",lop=").Append(r.LastOperation)
                .Append(",est=").Append(c.EstablishedAt.ToUnixTimeMilliseconds()).Append(",to=").Append(c.TimeoutMs);
            if (r.LastCxid >= 0) text.Append(",lcxid=0x").Append(r.LastCxid.ToString("x"));
            text.Append(",lzxid=0x").Append(r.LastZxid.ToString("x")).Append(",lresp=").Append(r.LastResponseTime)
                .Append(",llat=").Append(r.LastLatency).Append(",minlat=").Append(r.MinLatency)
                .Append(",avglat=").Append(r.AvgLatency).Append(",maxlat=").Append(r.MaxLatency);
        }
        text.Append(')');
    }

    /// <summary>cons: every connection in full form, then an empty line.</summary>
    public static string Cons(ConnectionRegistry registry)
    {
        var text = new StringBuilder();
        foreach (var c in registry.All)
        {
            Append(text, c, brief: false);
            text.Append('\n');
        }
        return text.Append('\n').ToString();
    }
}
