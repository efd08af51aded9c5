using System.Globalization;
using System.Text;
using AkkaZk.Consensus;
using AkkaZk.Hocon;
using AkkaZk.Jute;
using AkkaZk.Server.Configuration;
using AkkaZk.Server.Ensemble;
using AkkaZk.Server.Ensemble.Zab;

namespace AkkaZk.Server.Tree;

/// <summary>
/// PrepRequestProcessor's membership checks for reconfig (16), in ZooKeeper 3.8's order: ReconfigInProgress, the
/// curConfigId (BadVersion), the new member list — non-incremental (newMembers) or incremental (joining, leaving) —
/// (BadArguments), the number of voters left (BadArguments), a synced quorum of the new config (NewConfigNoQuorum).
/// The result is the new config text, versioned with the reconfig's zxid.
/// </summary>
public static class ReconfigPlanner
{
    public static (ErrorCode Err, string? Config) Plan(ReconfigRequest request, ZabProtocol.ReconfigView view, long zxid, bool standaloneEnabled)
    {
        if (view.InProgress) return (ErrorCode.ReconfigInProgress, null);
        if (request.CurConfigId != -1 && request.CurConfigId != view.LastSeen.Version) return (ErrorCode.BadVersion, null);
        IReadOnlyList<PeerAddress>? next;
        try
        {
            next = request.NewMembers is { } members
                ? DynamicConfig.ParseServers(members.Replace(',', '\n'))
                : Incremental(DynamicConfig.ParseServers(view.LastSeen.ConfigString), request.JoiningServers, request.LeavingServers);
        }
        catch (Exception e) when (e is HoconException or FormatException or OverflowException)
        {
            next = null;
        }
        if (next is null) return (ErrorCode.BadArguments, null);
        // "new configuration must include at least 2 followers" (1 when standalone mode is disabled).
        if (next.Count(s => s.IsParticipant) < (standaloneEnabled ? 2 : 1)) return (ErrorCode.BadArguments, null);
        var text = DynamicConfig.Text(next, zxid);
        if (QuorumConfig.Parse(text) is not { } config || !config.IsQuorum(view.Synced)) return (ErrorCode.NewConfigNoQuorum, null);
        return (ErrorCode.Ok, text);
    }

    public static byte[] Bytes(string config) => Encoding.UTF8.GetBytes(config);

    /// <summary>Leaving sids are dropped, then each <c>server.N=spec</c> joiner (which must name a client port) replaces or adds N.</summary>
    private static List<PeerAddress>? Incremental(IReadOnlyList<PeerAddress> current, string? joining, string? leaving)
    {
        var next = current.ToDictionary(s => s.Id);
        foreach (var sid in Split(leaving)) next.Remove(long.Parse(sid, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        foreach (var joiner in Split(joining))
        {
            var parts = joiner.Split('=');
            if (parts.Length != 2) return null; // "Wrong format of server string"
            var id = parts[0].Trim()[(parts[0].LastIndexOf('.') + 1)..];
            var parsed = DynamicConfig.ParseServers($"server.{id}={parts[1].Trim()}");
            if (parsed is not [var server] || server.ClientPort is null) return null; // "each server should have 3 ports specified"
            if (next.Values.Any(other => other.Id != server.Id && SharesAddress(other, server))) return null;
            next[server.Id] = server;
        }
        return [.. next.Values];
    }

    /// <summary>QuorumServer.checkAddressDuplicate: no two servers on the same quorum or election address.</summary>
    private static bool SharesAddress(PeerAddress a, PeerAddress b) =>
        a.Host == b.Host && (a.QuorumPort == b.QuorumPort || a.ElectionPort == b.ElectionPort
            || a.QuorumPort == b.ElectionPort || a.ElectionPort == b.QuorumPort);

    private static IEnumerable<string> Split(string? list) =>
        list is null ? [] : list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
