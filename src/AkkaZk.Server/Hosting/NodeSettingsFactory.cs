using AkkaZk.Consensus;
using AkkaZk.DataTree;
using AkkaZk.Server.Ensemble;
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
    /// <param name="configText">The configuration file as read (the AdminServer's initial_configuration).</param>
    public static NodeSettings Create(ServerSettings s, string configText = "")
    {
        // As ZooKeeper: snapshots and the log live in a version-2 folder under dataDir and dataLogDir.
        var snapshotDir = Path.Combine(s.DataDir, "version-2");
        var logDir = Path.Combine(s.DataLogDir, "version-2");
        var extendedTypes = IsTrue(s, "zookeeper.extendedTypesEnabled");
        var journal = new Tree.JournalSettings(snapshotDir, logDir, s.Journal.Fsync, s.SnapCount,
            s.Autopurge.SnapRetainCount, s.Autopurge.IsEnabled ? TimeSpan.FromHours(s.Autopurge.PurgeIntervalHours) : TimeSpan.Zero)
        {
            ExtendedTypesEnabled = extendedTypes,
        };
        var prep = new PrepSettings(
            ExtendedTypesEnabled: extendedTypes,
            EnforceQuota: IsTrue(s, "zookeeper.enforceQuota"));
        var tree = new TreeSettings(s.ServerId, s.TickTimeMs, s.MinSessionTimeoutMs, s.MaxSessionTimeoutMs, s.Journal.BatchMax, prep, journal)
        {
            Containers = ContainerSettingsOf(s),
            // Boolean.parseBoolean(System.getProperty("zookeeper.digest.enabled", "true")): only "true" is true.
            DigestEnabled = !s.Properties.TryGetValue("zookeeper.digest.enabled", out var digest)
                || string.Equals(digest, "true", StringComparison.OrdinalIgnoreCase),
            ReconfigEnabled = s.ReconfigEnabled,
            SkipAcl = s.Properties.TryGetValue("zookeeper.skipACL", out var skipAcl) && skipAcl == "yes",
            StandaloneEnabled = s.StandaloneEnabled,
        };
        var ingress = new IngressSettings(s.ClientPortAddress, s.ClientPort, s.MaxClientCnxns)
        {
            MaxCnxns = (int)LongProperty(s, "zookeeper.maxCnxns", 0),
            GlobalOutstandingLimit = s.GlobalOutstandingLimit,
        };
        s.Properties.TryGetValue("zookeeper.DigestAuthenticationProvider.superDigest", out var superDigest);
        var session = new SessionSettings(s.JuteMaxBuffer, s.SessionlessCnxnTimeout, superDigest);
        var ensemble = EnsembleOf(s);
        var fourLetterWords = new FourLetterWordSettings(s.FourLetterWhitelist, ConfLines(s, snapshotDir, logDir), snapshotDir, logDir)
        {
            ConnectionExpiryIntervalMs = (int)s.SessionlessCnxnTimeout.TotalMilliseconds,
        };
        var admin = new Admin.AdminServerSettings(s.Admin, s.Metrics, new Admin.AdminContext(s.ServerId, configText, snapshotDir,
            s.Servers.ToDictionary(p => p.Id, p => $"{p.Host}:{p.QuorumPort}:{p.ElectionPort}:{(p.IsParticipant ? "participant" : "observer")}")));
        return new NodeSettings(s.ServerId, tree, ingress, session, fourLetterWords) { Ensemble = ensemble, AdminServer = admin };
    }

    /// <summary>Null for a standalone server (QuorumPeerConfig.isDistributed false).</summary>
    private static EnsembleSettings? EnsembleOf(ServerSettings s)
    {
        if (s.IsStandalone) return null;
        // zookeeper.commitLogCount: the committed-log window a leader syncs learners from by DIFF (default 500).
        var zab = new ZabOptions(s.InitLimit, s.SyncLimit, (int)Math.Max(1, LongProperty(s, "zookeeper.commitLogCount", 500)),
            ReconfigEnabled: s.ReconfigEnabled);
        return new EnsembleSettings(s.ServerId, s.Servers, s.TickTimeMs, zab, s.JuteMaxBuffer, ElectionWiring.Props)
        {
            ReadOnlyModeEnabled = s.ReadonlyModeEnabled,
            ReconfigEnabled = s.ReconfigEnabled,
            ConfigVersion = s.ConfigVersion,
            ZooCfgPath = s.ZooCfgPath,
        };
    }

    /// <summary>
    /// ZooKeeper reads these as the system properties znode.container.*; a zoo.cfg line becomes zookeeper.znode.container.*,
    /// so both spellings are accepted (the plain one wins).
    /// </summary>
    private static ContainerSettings ContainerSettingsOf(ServerSettings s)
    {
        var defaults = ContainerSettings.Default;
        return new ContainerSettings(
            (int)ContainerProperty(s, "checkIntervalMs", defaults.CheckIntervalMs),
            (int)ContainerProperty(s, "maxPerMinute", defaults.MaxPerMinute),
            ContainerProperty(s, "maxNeverUsedIntervalMs", defaults.MaxNeverUsedIntervalMs));
    }

    private static long ContainerProperty(ServerSettings s, string name, long fallback) =>
        LongProperty(s, "znode.container." + name, LongProperty(s, "zookeeper.znode.container." + name, fallback));

    /// <summary>As Integer.getInteger / Long.getLong: the default when missing or not a number.</summary>
    private static long LongProperty(ServerSettings s, string property, long fallback) =>
        s.Properties.TryGetValue(property, out var value) && long.TryParse(value.Trim(), out var parsed) ? parsed : fallback;

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
