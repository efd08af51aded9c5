using System.Globalization;
using AkkaZk.Server.FourLetterWords;

namespace AkkaZk.Server.Admin;

/// <summary>
/// The commands of ZooKeeper 3.8's AdminServer (Commands.java), under their names and aliases, answering the JSON
/// fields ZooKeeper answers. They read the same data as the four-letter words.
/// </summary>
public static class AdminCommands
{
    /// <summary>ZooKeeper's answer for a command that needs a running server.</summary>
    public const string NotServing = "This ZooKeeper instance is not currently serving requests";

    public static IReadOnlyList<AdminCommand> All { get; } =
    [
        new("configuration", ["conf", "config"], Serving(r => Task.FromResult(Configuration(r.Service!)))),
        new("connection_stat_reset", ["crst"], Serving(r => Done(r.Service!.ResetConnections()))),
        new("connections", ["cons"], Serving(r => Task.FromResult(AdminStatus.Connections(r.Service!)))),
        new("dirs", [], Serving(r => Task.FromResult(AdminAnswer.Of(
            ("datadir_size", StatusText.DirectorySize(r.Service!.Settings.DataDir)),
            ("logdir_size", StatusText.DirectorySize(r.Service!.Settings.DataLogDir)))))),
        new("dump", [], Serving(AdminStatus.DumpAsync)),
        new("environment", ["env", "envi"], _ => Task.FromResult(new AdminAnswer(
            StatusText.Environment().Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)).ToList()))),
        new("get_trace_mask", ["gtmk"], Serving(r => Task.FromResult(AdminAnswer.Of(("tracemask", r.Service!.TraceMask))))),
        new("hash", [], Serving(async r => AdminAnswer.Of(("digests", DigestText.Entries(await r.Service!.DigestHistoryAsync().ConfigureAwait(false)))))),
        new("initial_configuration", ["icfg"], r => Task.FromResult(AdminAnswer.Of(("initial_configuration", r.Context.ConfigText)))),
        new("is_read_only", ["isro"], Serving(r => Task.FromResult(AdminAnswer.Of(("read_only", r.Service!.Status.Mode == FourLetterWords.FourLetterWordService.ReadOnlyMode))))),
        new("last_snapshot", ["lsnp"], Serving(r => Task.FromResult(LastSnapshot(r.Context.DataDir)))),
        new("leader", ["lead"], Serving(r => Task.FromResult(Leader(r)))),
        new("monitor", ["mntr"], Serving(AdminStatus.MonitorAsync)),
        new("observer_connection_stat_reset", ["orst"], Serving(_ => Task.FromResult(AdminAnswer.Empty))),
        new("observers", ["obsr"], Serving(_ => Task.FromResult(AdminAnswer.Of(("synced_observers", 0), ("observers", Array.Empty<object>()))))),
        new("ruok", [], Serving(_ => Task.FromResult(AdminAnswer.Empty))),
        new("server_stats", ["srvr"], Serving(r => AdminStatus.ServerStatsAsync(r.Service!, withConnections: false))),
        new("set_trace_mask", ["stmk"], Serving(r => Task.FromResult(SetTraceMask(r)))),
        new("stat_reset", ["srst"], Serving(r => Done(r.Service!.Reset()))),
        new("stats", ["stat"], Serving(r => AdminStatus.ServerStatsAsync(r.Service!, withConnections: true))),
        new("system_properties", ["sysp"], _ => Task.FromResult(SystemProperties())),
        new("voting_view", ["vots"], r => Task.FromResult(AdminAnswer.Of(("current_config", r.Context.Servers
            .ToDictionary(s => s.Key.ToString(CultureInfo.InvariantCulture), s => (object?)s.Value))))),
        new("watch_summary", ["wchs"], Serving(AdminStatus.WatchSummaryAsync)),
        new("watches", ["wchc"], Serving(AdminStatus.WatchesAsync)),
        new("watches_by_path", ["wchp"], Serving(AdminStatus.WatchesByPathAsync)),
        new("zabstate", [], r => Task.FromResult(AdminAnswer.Of(("voting", r.Context.Servers.Count > 0),
            ("zabstate", r.Service is null || r.Context.Servers.Count == 0 ? "" : "broadcast")))),
    ];

    /// <summary>The command with this name or alias, or null.</summary>
    public static AdminCommand? Find(string name) =>
        All.FirstOrDefault(c => c.Name == name || c.Aliases.Contains(name));

    private static Func<AdminRequest, Task<AdminAnswer>> Serving(Func<AdminRequest, Task<AdminAnswer>> run) =>
        request => request.Service is null ? Task.FromResult(AdminAnswer.Failed(NotServing)) : run(request);

    private static Task<AdminAnswer> Done(string _) => Task.FromResult(AdminAnswer.Empty);

    /// <summary>ConfCommand: the conf word's keys in snake case (clientPort → client_port), numbers as numbers.</summary>
    private static AdminAnswer Configuration(FourLetterWordService service) => new(service.Settings.ConfLines
        // ZooKeeperServer.getConf's map has no secure client port, and the conf word's sizes are not in it.
        .Where(l => l.Key is not ("dataDirSize" or "dataLogSize" or "secureClientPort"))
        .Select(l => new KeyValuePair<string, object?>(SnakeCase(l.Key), AdminJson.Typed(l.Value)))
        .ToList());

    private static AdminAnswer LastSnapshot(string dataDir)
    {
        var newest = Directory.Exists(dataDir)
            ? new DirectoryInfo(dataDir).GetFiles("snapshot.*").Where(f => !f.Name.EndsWith(".tmp", StringComparison.Ordinal))
                .OrderByDescending(f => long.TryParse(f.Name["snapshot.".Length..], NumberStyles.HexNumber, null, out var z) ? z : -1)
                .FirstOrDefault()
            : null;
        return newest is null
            ? AdminAnswer.Of(("zxid", "0"), ("timestamp", 0L))
            : AdminAnswer.Of(("zxid", newest.Name["snapshot.".Length..]), ("timestamp", new DateTimeOffset(newest.LastWriteTimeUtc).ToUnixTimeSeconds()));
    }

    private static AdminAnswer Leader(AdminRequest request)
    {
        if (request.Context.Servers.Count == 0) return AdminAnswer.Failed("server is not initialized");
        return AdminAnswer.Of(("is_leader", request.Service!.Status.Mode == "leader"));
    }

    private static AdminAnswer SetTraceMask(AdminRequest request)
    {
        if (!request.Query.TryGetValue("traceMask", out var text) || !long.TryParse(text, CultureInfo.InvariantCulture, out var mask))
            return AdminAnswer.Failed("setTraceMask requires long traceMask argument");
        return AdminAnswer.Of(("tracemask", request.Service!.SetTraceMask(mask)));
    }

    /// <summary>
    /// SystemPropertiesCommand lists the JVM's properties; the .NET runtime's counterparts are envi's (not the
    /// process environment, which may hold secrets).
    /// </summary>
    private static AdminAnswer SystemProperties() => new(StatusText.Environment()
        .Select(p => new KeyValuePair<string, object?>(p.Key, p.Value))
        .Concat([new("file.encoding", "UTF-8"), new("file.separator", "/"), new("line.separator", "\n"), new("path.separator", ":")])
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .ToList());

    private static string SnakeCase(string camel) =>
        string.Concat(camel.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
