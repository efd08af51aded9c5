using AkkaZk.Hocon;

namespace AkkaZk.Server.Configuration;

/// <summary>
/// The 4lw whitelist: a list, or one comma-separated string as in zoo.cfg's 4lw.commands.whitelist.
/// srvr is always allowed, as in ZooKeeper 3.5+.
/// </summary>
internal static class FourLetterWhitelistReader
{
    public static IReadOnlySet<string> Read(Config config, string path)
    {
        var entries = config.GetValue(path) is HoconArray
            ? config.GetStringList(path)
            : config.GetString(path, "").Split(',');
        var whitelist = new HashSet<string>(StringComparer.Ordinal) { "srvr" };
        foreach (var entry in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            whitelist.Add(entry);
        }

        return whitelist;
    }
}
