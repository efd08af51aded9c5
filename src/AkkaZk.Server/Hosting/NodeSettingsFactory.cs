using AkkaZk.DataTree;
using AkkaZk.Server.Configuration;
using AkkaZk.Server.FourLetterWords;
using AkkaZk.Server.Network;
using AkkaZk.Server.Peer;
using AkkaZk.Server.Sessions;
using AkkaZk.Server.Tree;

namespace AkkaZk.Server.Hosting;

/// <summary>Splits the loaded settings into one typed record per component.</summary>
public static class NodeSettingsFactory
{
    public static NodeSettings Create(ServerSettings s)
    {
        // As ZooKeeper: snapshots and the log live in a version-2 folder under dataDir and dataLogDir.
        var snapshotDir = Path.Combine(s.DataDir, "version-2");
        var logDir = Path.Combine(s.DataLogDir, "version-2");
        var journal = new Tree.JournalSettings(snapshotDir, logDir, s.Journal.Fsync, s.SnapCount,
            s.Autopurge.SnapRetainCount, s.Autopurge.IsEnabled ? TimeSpan.FromHours(s.Autopurge.PurgeIntervalHours) : TimeSpan.Zero);
        var prep = new PrepSettings(
            ExtendedTypesEnabled: IsTrue(s, "zookeeper.extendedTypesEnabled"),
            EnforceQuota: IsTrue(s, "zookeeper.enforceQuota"));
        var tree = new TreeSettings(s.ServerId, s.TickTimeMs, s.MinSessionTimeoutMs, s.MaxSessionTimeoutMs, s.Journal.BatchMax, prep, journal);
        var ingress = new IngressSettings(s.ClientPortAddress, s.ClientPort, s.MaxClientCnxns);
        s.Properties.TryGetValue("zookeeper.DigestAuthenticationProvider.superDigest", out var superDigest);
        var session = new SessionSettings(s.JuteMaxBuffer, s.SessionlessCnxnTimeout, superDigest);
        var fourLetterWords = new FourLetterWordSettings(s.FourLetterWhitelist, ConfLines(s, snapshotDir, logDir), snapshotDir, logDir);
        return new NodeSettings(s.ServerId, tree, ingress, session, fourLetterWords);
    }

    private static bool IsTrue(ServerSettings s, string property) =>
        s.Properties.TryGetValue(property, out var value) && bool.TryParse(value, out var flag) && flag;

    /// <summary>The lines of the conf four-letter word, in ZooKeeper's standalone order.</summary>
    private static List<KeyValuePair<string, string>> ConfLines(ServerSettings s, string snapshotDir, string logDir) =>
    [
        new("clientPort", s.ClientPort.ToString()),
        new("secureClientPort", "-1"),
        new("dataDir", snapshotDir),
        new("dataDirSize", "0"),
        new("dataLogDir", logDir),
        new("dataLogSize", "0"),
        new("tickTime", s.TickTimeMs.ToString()),
        new("maxClientCnxns", s.MaxClientCnxns.ToString()),
        new("minSessionTimeout", s.MinSessionTimeoutMs.ToString()),
        new("maxSessionTimeout", s.MaxSessionTimeoutMs.ToString()),
        new("clientPortListenBacklog", "-1"),
        new("serverId", s.ServerId.ToString()),
    ];
}
