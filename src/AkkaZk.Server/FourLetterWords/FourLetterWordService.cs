using AkkaZk.Actors;
using AkkaZk.Server.Stats;
using AkkaZk.Server.Tree;

namespace AkkaZk.Server.FourLetterWords;

/// <summary>Runs a four-letter word: whitelist check, then the command's text in ZooKeeper 3.8's format.</summary>
public sealed class FourLetterWordService(IActorRef tree, ServerStats stats, ConnectionRegistry registry,
    FourLetterWordSettings settings, string mode)
{
    private static readonly TimeSpan StatsTimeout = TimeSpan.FromSeconds(5);

    public async Task<string> RunAsync(string word)
    {
        if (!settings.IsAllowed(word)) return $"{word} is not executed because it is not in the whitelist.\n";
        var status = new StatusSource(stats, registry, settings, mode);
        return word switch
        {
            "ruok" => "imok",
            "isro" => "rw",
            "gtmk" => "306",
            "srst" => Reset(),
            "crst" => ResetConnections(),
            "envi" => StatusText.Envi(),
            "conf" => StatusText.Conf(settings),
            "dirs" => StatusText.Dirs(settings),
            "srvr" => StatusText.Srvr(status, await TreeStatsAsync().ConfigureAwait(false), withClients: false),
            "stat" => StatusText.Srvr(status, await TreeStatsAsync().ConfigureAwait(false), withClients: true),
            "mntr" => StatusText.Mntr(status, await TreeStatsAsync().ConfigureAwait(false)),
            "cons" => StatusText.Cons(registry),
            "wchs" => StatusText.Wchs(await TreeStatsAsync().ConfigureAwait(false)),
            "hash" => string.Empty,
            _ => string.Empty,
        };
    }

    private Task<TreeProtocol.TreeStats> TreeStatsAsync() => tree.Ask<TreeProtocol.TreeStats>(new TreeProtocol.GetTreeStats(), StatsTimeout);

    private string Reset()
    {
        stats.Reset();
        return "Server stats reset.\n";
    }

    private string ResetConnections()
    {
        foreach (var connection in registry.All) connection.ResetCounters();
        return "Connection stats reset.\n";
    }
}

/// <summary>What the status texts read: shared counters, connections, settings and the server's mode.</summary>
public sealed record StatusSource(ServerStats Stats, ConnectionRegistry Registry, FourLetterWordSettings Settings, string Mode);
