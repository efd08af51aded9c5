using AkkaZk.Hocon;

namespace AkkaZk.Server.Configuration;

/// <summary>The ensemble list and the checks ZooKeeper's QuorumPeerConfig makes on it.</summary>
internal static class ServerListReader
{
    public static IReadOnlyList<PeerAddress> Read(Config akkazk)
    {
        var entries = akkazk.GetConfigList("servers");
        var servers = new List<PeerAddress>(entries.Count);
        var seen = new Dictionary<long, Config>();
        foreach (var entry in entries)
        {
            var server = PeerAddress.FromConfig(entry);
            if (!seen.TryAdd(server.Id, entry))
            {
                throw entry.ErrorAt("id", $"duplicate server id {server.Id} (also defined at {seen[server.Id].Origin("id")})");
            }

            servers.Add(server);
        }

        return servers;
    }

    /// <summary>A distributed node must find itself in the list, as ZooKeeper requires of myid.</summary>
    public static void CheckMembership(ServerSettings settings, Config akkazk)
    {
        if (settings.IsStandalone || settings.Servers.Any(s => s.Id == settings.ServerId))
        {
            return;
        }

        throw akkazk.ErrorAt("server-id", settings.ServerId == 0
            ? $"is 0 (no myid) but {settings.Servers.Count} servers are listed; set server-id or write <data-dir>/myid"
            : $"server id {settings.ServerId} is not in the servers list ({string.Join(", ", settings.Servers.Select(s => s.Id))})");
    }
}
