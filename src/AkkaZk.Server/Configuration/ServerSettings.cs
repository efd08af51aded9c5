using AkkaZk.Hocon;

namespace AkkaZk.Server.Configuration;

/// <summary>
/// The node's typed configuration, read once from the <c>akkazk</c> section (already merged with reference.conf).
/// Derived values are resolved here, the ZooKeeper way, so no component re-derives them: session timeouts
/// from the tick, the log directory from the data directory, the 4lw whitelist with srvr always in it.
/// </summary>
public sealed record ServerSettings
{
    public required long ServerId { get; init; }

    public required TimeSpan TickTime { get; init; }

    public int TickTimeMs => (int)TickTime.TotalMilliseconds;

    public required string DataDir { get; init; }

    /// <summary>Where the transaction journal lives; <see cref="DataDir"/> unless data-log-dir is set.</summary>
    public required string DataLogDir { get; init; }

    public required int ClientPort { get; init; }

    public required string ClientPortAddress { get; init; }

    /// <summary>Connections allowed per client IP; 0 = unlimited.</summary>
    public required int MaxClientCnxns { get; init; }

    public required int MinSessionTimeoutMs { get; init; }

    public required int MaxSessionTimeoutMs { get; init; }

    public required int SnapCount { get; init; }

    public required int JuteMaxBuffer { get; init; }

    public required int GlobalOutstandingLimit { get; init; }

    public required TimeSpan SessionlessCnxnTimeout { get; init; }

    /// <summary>In ticks.</summary>
    public required int InitLimit { get; init; }

    /// <summary>In ticks.</summary>
    public required int SyncLimit { get; init; }

    public required AutopurgeSettings Autopurge { get; init; }

    /// <summary>Allowed four-letter words; always holds "srvr"; "*" allows all.</summary>
    public required IReadOnlySet<string> FourLetterWhitelist { get; init; }

    public required AdminSettings Admin { get; init; }

    public required MetricsSettings Metrics { get; init; }

    public required JournalSettings Journal { get; init; }

    public required bool StandaloneEnabled { get; init; }

    public required bool ReconfigEnabled { get; init; }

    /// <summary>The zoo.cfg this node was started from (null for HOCON): a reconfig rewrites it and writes its dynamic file.</summary>
    public string? ZooCfgPath { get; init; }

    /// <summary>The version of the server list (from the dynamic config file's name; 0 for a static list).</summary>
    public long ConfigVersion { get; init; }

    public required bool ReadonlyModeEnabled { get; init; }

    public required IReadOnlyList<PeerAddress> Servers { get; init; }

    /// <summary>ZooKeeper system properties by full name, e.g. "zookeeper.DigestAuthenticationProvider.superDigest".</summary>
    public required IReadOnlyDictionary<string, string> Properties { get; init; }

    /// <summary>
    /// As ZooKeeper's QuorumPeerConfig.isDistributed, negated: no server list, or at most one voting member
    /// while standalone mode is enabled.
    /// </summary>
    public bool IsStandalone => Servers.Count == 0 || (StandaloneEnabled && Servers.Count(s => s.IsParticipant) < 2);

    public bool IsFourLetterWordAllowed(string word) => FourLetterWhitelist.Contains("*") || FourLetterWhitelist.Contains(word);

    /// <summary>Reads and validates the <c>akkazk</c> section; errors name the key, file and line.</summary>
    public static ServerSettings FromConfig(Config config)
    {
        var akkazk = config.GetConfig("akkazk");
        var tickTime = akkazk.GetTimeSpan("tick-time");
        if (tickTime < TimeSpan.FromMilliseconds(1) || tickTime.TotalMilliseconds > int.MaxValue)
        {
            throw akkazk.ErrorAt("tick-time", $"must be between 1ms and {int.MaxValue}ms but got {tickTime.TotalMilliseconds}ms");
        }

        var (minSessionTimeout, maxSessionTimeout) = SessionTimeouts.Read(akkazk, (int)tickTime.TotalMilliseconds);
        var dataDir = akkazk.GetNonEmptyString("data-dir");
        var dataLogDir = akkazk.GetString("data-log-dir", "");
        var settings = new ServerSettings
        {
            ServerId = akkazk.GetLongAtLeast("server-id", 0),
            TickTime = tickTime,
            DataDir = dataDir,
            DataLogDir = string.IsNullOrWhiteSpace(dataLogDir) ? dataDir : dataLogDir,
            ClientPort = akkazk.GetPort("client-port"),
            ClientPortAddress = akkazk.GetNonEmptyString("client-port-address"),
            MaxClientCnxns = akkazk.GetIntAtLeast("max-client-cnxns", 0),
            MinSessionTimeoutMs = minSessionTimeout,
            MaxSessionTimeoutMs = maxSessionTimeout,
            SnapCount = akkazk.GetIntAtLeast("snap-count", 2),
            JuteMaxBuffer = akkazk.GetIntAtLeast("jute-max-buffer", 1),
            GlobalOutstandingLimit = akkazk.GetIntAtLeast("global-outstanding-limit", 1),
            SessionlessCnxnTimeout = PositiveDuration(akkazk, "sessionless-cnxn-timeout"),
            InitLimit = akkazk.GetIntAtLeast("init-limit", 1),
            SyncLimit = akkazk.GetIntAtLeast("sync-limit", 1),
            Autopurge = AutopurgeSettings.FromConfig(akkazk.GetConfig("autopurge")),
            FourLetterWhitelist = FourLetterWhitelistReader.Read(akkazk, "four-letter-words.whitelist"),
            Admin = AdminSettings.FromConfig(akkazk.GetConfig("admin")),
            Metrics = MetricsSettings.FromConfig(akkazk.GetConfig("metrics")),
            Journal = JournalSettings.FromConfig(akkazk.GetConfig("journal")),
            StandaloneEnabled = akkazk.GetBoolean("standalone-enabled"),
            ReconfigEnabled = akkazk.GetBoolean("reconfig-enabled"),
            ZooCfgPath = NullIfEmpty(akkazk.GetString("zoo-cfg-path", "")),
            ConfigVersion = akkazk.GetLongAtLeast("config-version", 0),
            ReadonlyModeEnabled = akkazk.GetBoolean("readonly-mode-enabled"),
            Servers = ServerListReader.Read(akkazk),
            Properties = PropertiesReader.Read(akkazk.GetConfig("properties")),
        };
        ServerListReader.CheckMembership(settings, akkazk);
        return settings;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static TimeSpan PositiveDuration(Config config, string path)
    {
        var value = config.GetTimeSpan(path);
        return value > TimeSpan.Zero ? value : throw config.ErrorAt(path, $"must be positive but got {value.TotalMilliseconds}ms");
    }
}
