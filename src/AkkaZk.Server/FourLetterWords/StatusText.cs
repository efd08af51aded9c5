using System.Text;
using AkkaZk.Server.Ensemble;
using AkkaZk.Server.Stats;
using AkkaZk.Server.Tree;

namespace AkkaZk.Server.FourLetterWords;

/// <summary>The texts of srvr, stat, conf, envi and dirs in ZooKeeper 3.8's formats ("\n" line ends).</summary>
public static class StatusText
{
    public static string Srvr(StatusSource source, TreeProtocol.TreeStats tree, bool withClients)
    {
        var stats = source.Stats;
        var text = new StringBuilder();
        text.Append("Zookeeper version: ").Append(ServerVersion.Full).Append(", built on ").Append(ServerVersion.BuiltOn).Append('\n');
        if (withClients)
        {
            text.Append("Clients:\n");
            foreach (var c in source.Registry.All)
            {
                ConnectionText.Append(text, c, brief: true);
                text.Append('\n');
            }
            text.Append('\n');
        }
        text.Append("Latency min/avg/max: ").Append(stats.LatencyMin).Append('/').Append(JavaDouble.Average(stats.LatencyAverage))
            .Append('/').Append(stats.LatencyMax).Append('\n');
        text.Append("Received: ").Append(stats.PacketsReceived).Append('\n');
        text.Append("Sent: ").Append(stats.PacketsSent).Append('\n');
        text.Append("Connections: ").Append(source.Registry.Count).Append('\n');
        text.Append("Outstanding: ").Append(stats.Outstanding).Append('\n');
        text.Append("Zxid: 0x").Append(tree.LastZxid.ToString("x")).Append('\n');
        text.Append("Mode: ").Append(source.Mode).Append('\n');
        text.Append("Node count: ").Append(tree.NodeCount).Append('\n');
        return text.ToString();
    }

    public static string Conf(FourLetterWordSettings settings)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in settings.ConfLines)
        {
            // The sizes are measured when asked, as ZooKeeper does.
            var shown = key switch
            {
                "dataDirSize" => DirectorySize(settings.DataDir).ToString(),
                "dataLogSize" => DirectorySize(settings.DataLogDir).ToString(),
                _ => value,
            };
            text.Append(key).Append('=').Append(shown).Append('\n');
        }
        return text.Append(settings.QuorumConf?.Invoke()).ToString();
    }

    /// <summary>
    /// QuorumZooKeeperServer.dumpConf's lines after the standalone ones: the ZAB limits, FastLeaderElection (3), this
    /// member's ports and peerType (0 participant, 1 observer), then the membership as the QuorumVerifier string
    /// ("server.N=host:quorum:election:role" lines and "version=…", with no line end after it).
    /// </summary>
    public static string QuorumConf(EnsembleSettings ensemble)
    {
        var me = ensemble.Me;
        return $"initLimit={ensemble.Zab.InitLimit}\nsyncLimit={ensemble.Zab.SyncLimit}\nelectionAlg=3\nelectionPort={me.ElectionPort}\n"
            + $"quorumPort={me.QuorumPort}\npeerType={(ensemble.IsObserver ? 1 : 0)}\nmembership: \n{ensemble.Config.ConfigString}";
    }

    public static string Dirs(FourLetterWordSettings settings) =>
        $"datadir_size: {DirectorySize(settings.DataDir)}\nlogdir_size: {DirectorySize(settings.DataLogDir)}\n";

    public static string Envi()
    {
        var text = new StringBuilder("Environment:\n");
        foreach (var (key, value) in Environment()) text.Append(key).Append('=').Append(value).Append('\n');
        return text.ToString();
    }

    /// <summary>envi's keys (Java's names, .NET's values), shared with the AdminServer's environment command.</summary>
    public static IReadOnlyList<(string Key, string Value)> Environment()
    {
        var gc = GC.GetGCMemoryInfo();
        return new (string, string)[]
        {
            ("zookeeper.version", $"{ServerVersion.Full}, built on {ServerVersion.BuiltOn}"),
            ("host.name", System.Net.Dns.GetHostName()),
            ("java.version", System.Environment.Version.ToString()),
            ("java.vendor", ".NET " + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription),
            ("java.home", System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory()),
            ("java.class.path", AppContext.BaseDirectory),
            ("java.library.path", AppContext.BaseDirectory),
            ("java.io.tmpdir", Path.GetTempPath()),
            ("java.compiler", "<NA>"),
            ("os.name", System.Runtime.InteropServices.RuntimeInformation.OSDescription),
            ("os.arch", System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()),
            ("os.version", System.Environment.OSVersion.Version.ToString()),
            ("user.name", System.Environment.UserName),
            ("user.home", System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile)),
            ("user.dir", System.Environment.CurrentDirectory),
            ("os.memory.free", $"{Math.Max(0, gc.TotalAvailableMemoryBytes - GC.GetTotalMemory(false)) / (1024 * 1024)}MB"),
            ("os.memory.max", $"{gc.TotalAvailableMemoryBytes / (1024 * 1024)}MB"),
            ("os.memory.total", $"{GC.GetTotalMemory(false) / (1024 * 1024)}MB"),
        };
    }

    internal static long DirectorySize(string directory) =>
        Directory.Exists(directory)
            ? new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
            : 0;
}
