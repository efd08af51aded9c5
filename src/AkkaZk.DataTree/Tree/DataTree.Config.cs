using AkkaZk.Jute;

namespace AkkaZk.DataTree;

public sealed partial class DataTree
{
    /// <summary>
    /// ZKDatabase.initConfigInZKDatabase: /zookeeper/config holds the active config text (QuorumMaj.toString), set as
    /// setData(data, version −1, mzxid = the config's version, mtime = now) — a replicated server's config is not in
    /// its log, so every server writes it when it loads its database and when it activates a config.
    /// </summary>
    public ErrorCode InitConfig(byte[] config, long version, long time) => SetData(ConfigPath, config, -1, version, time, out _);
}
