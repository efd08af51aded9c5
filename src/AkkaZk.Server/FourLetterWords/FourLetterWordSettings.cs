namespace AkkaZk.Server.FourLetterWords;

/// <summary>
/// The 4lw whitelist ("*" = all; srvr always allowed), the configuration lines conf prints, the directories dirs
/// measures, and the interval of the connection expiry buckets dump prints (zookeeper.nio.sessionlessCnxnTimeout).
/// </summary>
public sealed record FourLetterWordSettings(IReadOnlySet<string> Whitelist, IReadOnlyList<KeyValuePair<string, string>> ConfLines,
    string DataDir, string DataLogDir)
{
    public int ConnectionExpiryIntervalMs { get; init; } = 10000;

    /// <summary>
    /// An ensemble member's part of conf after serverId (QuorumZooKeeperServer.dumpConf: initLimit … peerType, then
    /// "membership: " and the active config), read when asked since a reconfig changes it.
    /// </summary>
    public Func<string>? QuorumConf { get; init; }

    public bool IsAllowed(string word) => word == "srvr" || Whitelist.Contains("*") || Whitelist.Contains(word);
}
