using AkkaZk.Actors;
using AkkaZk.Server.Ensemble.Zab;
using AkkaZk.Server.Stats;
using AkkaZk.Server.Tree;

namespace AkkaZk.Server.FourLetterWords;

/// <summary>
/// Runs a four-letter word: whitelist check, then the command's text in ZooKeeper 3.8's format. One per server: it
/// also holds the trace mask that stmk sets and gtmk shows (ZooTrace's, 306 by default).
/// </summary>
public sealed class FourLetterWordService(IActorRef tree, ServerStats stats, ConnectionRegistry registry,
    FourLetterWordSettings settings, string mode, IActorRef? leader = null)
{
    private const long DefaultTraceMask = 306;
    private static readonly TimeSpan StatsTimeout = TimeSpan.FromSeconds(5);
    private long _traceMask = DefaultTraceMask;

    /// <param name="argument">The mask that follows stmk; null for other words.</param>
    public async Task<string> RunAsync(string word, long? argument = null)
    {
        if (!settings.IsAllowed(word)) return $"{word} is not executed because it is not in the whitelist.\n";
        var status = new StatusSource(stats, registry, settings, mode);
        return word switch
        {
            "ruok" => "imok",
            "isro" => "rw",
            "gtmk" => Interlocked.Read(ref _traceMask).ToString(),
            "stmk" => SetTraceMask(argument ?? DefaultTraceMask),
            "srst" => Reset(),
            "crst" => ResetConnections(),
            "envi" => StatusText.Envi(),
            "conf" => StatusText.Conf(settings),
            "dirs" => StatusText.Dirs(settings),
            "srvr" => StatusText.Srvr(status, await TreeStatsAsync().ConfigureAwait(false), withClients: false),
            "stat" => StatusText.Srvr(status, await TreeStatsAsync().ConfigureAwait(false), withClients: true),
            "mntr" => MonitorText.Mntr(status, await TreeStatsAsync().ConfigureAwait(false), FileDescriptors.Read(), await LeaderStatsAsync().ConfigureAwait(false)),
            "cons" => ConnectionText.Cons(registry),
            "wchs" => WatchText.Wchs((await TreeStatsAsync().ConfigureAwait(false)).Watches),
            "wchc" => WatchText.Wchc((await TreeStatsAsync().ConfigureAwait(false)).Watches),
            "wchp" => WatchText.Wchp((await TreeStatsAsync().ConfigureAwait(false)).Watches),
            "dump" => await DumpAsync().ConfigureAwait(false),
            // hash lists the digest history, empty until digests are kept; "telnet close" just closes.
            _ => string.Empty,
        };
    }

    private Task<TreeProtocol.TreeStats> TreeStatsAsync() => tree.Ask<TreeProtocol.TreeStats>(new TreeProtocol.GetTreeStats(), StatsTimeout);

    /// <summary>The leader's learner numbers for mntr; null on any other server.</summary>
    private async Task<LeaderActor.LeaderStats?> LeaderStatsAsync() =>
        leader is null ? null : await leader.Ask<LeaderActor.LeaderStats>(new LeaderActor.GetLeaderStats(), StatsTimeout).ConfigureAwait(false);

    private async Task<string> DumpAsync()
    {
        var sessions = await tree.Ask<TreeProtocol.SessionDump>(new TreeProtocol.GetSessionDump(), StatsTimeout).ConfigureAwait(false);
        return DumpText.Dump(sessions, registry.All, settings.ConnectionExpiryIntervalMs, Environment.TickCount64,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    /// <summary>As SetTraceMaskCommand: the new mask, printed back in decimal with no newline.</summary>
    private string SetTraceMask(long mask)
    {
        Interlocked.Exchange(ref _traceMask, mask);
        return mask.ToString();
    }

    private string Reset()
    {
        stats.Reset();
        tree.Tell(new TreeProtocol.ResetMetrics(), ActorRefs.NoSender);
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
