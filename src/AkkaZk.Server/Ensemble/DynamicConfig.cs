using System.Globalization;
using System.Text;
using AkkaZk.Server.Configuration;

namespace AkkaZk.Server.Ensemble;

/// <summary>
/// The config text ZooKeeper 3.8 exchanges and stores (QuorumMaj.toString, QuorumServer.toString): one
/// <c>server.N=host:quorumPort:electionPort:role[;clientHost:clientPort]</c> line per member, then
/// <c>version=hex</c>; and its files (QuorumPeerConfig.writeDynamicConfig, editStaticConfig).
/// </summary>
public static class DynamicConfig
{
    public static string Text(IEnumerable<PeerAddress> servers, long version)
    {
        var text = new StringBuilder();
        foreach (var s in servers.OrderBy(s => s.Id)) text.Append(ServerLine(s)).Append('\n');
        return text.Append(CultureInfo.InvariantCulture, $"version={version:x}").ToString();
    }

    /// <summary>QuorumServer.toString: a client address from the server line is shown (0.0.0.0 when only a port was given).</summary>
    public static string ServerLine(PeerAddress s)
    {
        var role = s.IsParticipant ? "participant" : "observer";
        var line = $"server.{s.Id}={Delimited(s.Host)}:{s.QuorumPort}:{s.ElectionPort}:{role}";
        return s.ClientPort is { } port ? $"{line};{Delimited(s.ClientAddress ?? "0.0.0.0")}:{port}" : line;
    }

    /// <summary>The server lines of a config text (a reconfig txn's data, NEWLEADER's), read as zoo.cfg lines.</summary>
    public static IReadOnlyList<PeerAddress> ParseServers(string text) =>
        ServerListReader.Read(ZooCfgReader.Parse(text, "dynamic config").GetConfig("akkazk"));

    /// <summary>
    /// Writes <c>&lt;zoo.cfg&gt;.dynamic.&lt;version hex&gt;</c> (server lines only) and points zoo.cfg at it: its server
    /// lines are dropped and <c>dynamicConfigFile</c> set, so a restart reads the activated config.
    /// </summary>
    public static void Persist(string zooCfgPath, IEnumerable<PeerAddress> servers, long version)
    {
        var dynamicPath = string.Create(CultureInfo.InvariantCulture, $"{zooCfgPath}.dynamic.{version:x}");
        var lines = servers.OrderBy(s => s.Id).Select(ServerLine);
        WriteAtomically(dynamicPath, string.Join('\n', lines) + "\n");
        var kept = File.ReadAllLines(zooCfgPath)
            .Where(l => !IsKey(l, "server.") && !IsKey(l, "dynamicConfigFile"))
            .Append($"dynamicConfigFile={dynamicPath}");
        WriteAtomically(zooCfgPath, string.Join('\n', kept) + "\n");
    }

    private static bool IsKey(string line, string prefix) => line.TrimStart().StartsWith(prefix, StringComparison.Ordinal);

    private static string Delimited(string host) => host.Contains(':') ? $"[{host}]" : host;

    private static void WriteAtomically(string path, string text)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
