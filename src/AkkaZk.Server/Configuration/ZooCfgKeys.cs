namespace AkkaZk.Server.Configuration;

/// <summary>zoo.cfg keys with a native AkkaZk setting; every other key becomes a "zookeeper.*" property.</summary>
internal static class ZooCfgKeys
{
    public static readonly IReadOnlyDictionary<string, (string Path, ZooCfgValueKind Kind)> Native =
        new Dictionary<string, (string, ZooCfgValueKind)>(StringComparer.Ordinal)
        {
            ["tickTime"] = ("tick-time", ZooCfgValueKind.Int),
            ["dataDir"] = ("data-dir", ZooCfgValueKind.Text),
            ["dataLogDir"] = ("data-log-dir", ZooCfgValueKind.Text),
            ["clientPort"] = ("client-port", ZooCfgValueKind.Int),
            ["clientPortAddress"] = ("client-port-address", ZooCfgValueKind.Text),
            ["maxClientCnxns"] = ("max-client-cnxns", ZooCfgValueKind.Int),
            ["minSessionTimeout"] = ("min-session-timeout", ZooCfgValueKind.Int),
            ["maxSessionTimeout"] = ("max-session-timeout", ZooCfgValueKind.Int),
            ["autopurge.snapRetainCount"] = ("autopurge.snap-retain-count", ZooCfgValueKind.Int),
            ["autopurge.purgeInterval"] = ("autopurge.purge-interval", ZooCfgValueKind.Int),
            ["snapCount"] = ("snap-count", ZooCfgValueKind.Int),
            ["initLimit"] = ("init-limit", ZooCfgValueKind.Int),
            ["syncLimit"] = ("sync-limit", ZooCfgValueKind.Int),
            ["4lw.commands.whitelist"] = ("four-letter-words.whitelist", ZooCfgValueKind.CommaList),
            ["admin.enableServer"] = ("admin.enable-server", ZooCfgValueKind.Boolean),
            ["admin.serverAddress"] = ("admin.server-address", ZooCfgValueKind.Text),
            ["admin.serverPort"] = ("admin.server-port", ZooCfgValueKind.Int),
            ["admin.commandURL"] = ("admin.command-url", ZooCfgValueKind.Text),
            ["metricsProvider.httpPort"] = ("metrics.http-port", ZooCfgValueKind.Int),
            ["jute.maxbuffer"] = ("jute-max-buffer", ZooCfgValueKind.Int),
            ["globalOutstandingLimit"] = ("global-outstanding-limit", ZooCfgValueKind.Int),
            ["standaloneEnabled"] = ("standalone-enabled", ZooCfgValueKind.Boolean),
            ["reconfigEnabled"] = ("reconfig-enabled", ZooCfgValueKind.Boolean),
            ["dynamicConfigFile"] = ("dynamic-config-file", ZooCfgValueKind.Text),
            ["readonlymode.enabled"] = ("readonly-mode-enabled", ZooCfgValueKind.Boolean),
        };

    /// <summary>
    /// As ZooKeeper's QuorumPeerConfig, which hands unknown keys to System.setProperty with a "zookeeper."
    /// prefix unless they already have it.
    /// </summary>
    public static string PropertyName(string key) => key.StartsWith("zookeeper.", StringComparison.Ordinal) ? key : "zookeeper." + key;
}
