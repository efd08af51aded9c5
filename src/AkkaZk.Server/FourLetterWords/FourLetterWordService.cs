using AkkaZk.Actors;
using AkkaZk.DataTree;
using AkkaZk.Server.Ensemble.Zab;
using AkkaZk.Server.Stats;
using AkkaZk.Server.Tree;

namespace AkkaZk.Server.FourLetterWords;

/// <summary>
/// Runs a four-letter word: whitelist check, then the command's text in ZooKeeper 3.8's format. One per role the
/// server takes; <paramref name="serving"/> false is a node that does not serve yet (an ensemble member looking
/// for a leader), which answers as ZooKeeper's commands do when the server is not running.
/// </summary>
public sealed class FourLetterWordService(IActorRef tree, ServerStats stats, ConnectionRegistry registry,
    FourLetterWordSettings settings, string mode, IActorRef? leader = null, TraceMask? traceMask = null, bool serving = true,
    QuorumStatus? quorum = null)
{
    /// <summary>AbstractFourLetterCommand.ZK_NOT_SERVING.</summary>
    public const string NotServing = "This ZooKeeper instance is not currently serving requests";

    /// <summary>The mode srvr shows for a read-only server (QuorumPeer.ServerState READONLY).</summary>
    public const string ReadOnlyMode = "read-only";
    private static readonly TimeSpan StatsTimeout = TimeSpan.FromSeconds(5);
    private readonly TraceMask _traceMask = traceMask ?? new TraceMask();

    /// <param name="argument">The mask that follows stmk; null for other words.</param>
    public async Task<string> RunAsync(string word, long? argument = null)
    {
        if (!settings.IsAllowed(word)) return $"{word} is not executed because it is not in the whitelist.\n";
        return await RunUncheckedAsync(word, argument).ConfigureAwait(false);
    }

    /// <summary>The word's text without the whitelist check (the AdminServer's commands are not whitelisted).</summary>
    public async Task<string> RunUncheckedAsync(string word, long? argument = null)
    {
        if (!serving) return NotServingAnswer(word, argument);
        var status = Status;
        return word switch
        {
            "ruok" => "imok",
            "isro" => mode == ReadOnlyMode ? "ro" : "rw",
            "gtmk" => TraceMask.ToString(),
            "stmk" => SetTraceMask(argument ?? FourLetterWords.TraceMask.Default).ToString(),
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
            "hash" => DigestText.Hash(await DigestHistoryAsync().ConfigureAwait(false)),
            // "telnet close" just closes.
            _ => string.Empty,
        };
    }

    public FourLetterWordSettings Settings => settings;

    public ConnectionRegistry Connections => registry;

    public StatusSource Status => new(stats, registry, settings, mode, quorum);

    public long TraceMask => _traceMask.Value;

    public Task<TreeProtocol.TreeStats> TreeStatsAsync() => tree.Ask<TreeProtocol.TreeStats>(new TreeProtocol.GetTreeStats(), StatsTimeout);

    /// <summary>The leader's learner numbers for mntr; null on any other server.</summary>
    private async Task<LeaderActor.LeaderStats?> LeaderStatsAsync() =>
        leader is null ? null : await leader.Ask<LeaderActor.LeaderStats>(new LeaderActor.GetLeaderStats(), StatsTimeout).ConfigureAwait(false);

    public async Task<IReadOnlyList<ZxidDigest>> DigestHistoryAsync() =>
        (await tree.Ask<TreeProtocol.DigestHistory>(new TreeProtocol.GetDigestHistory(), StatsTimeout).ConfigureAwait(false)).Digests;

    public Task<TreeProtocol.SessionDump> SessionDumpAsync() =>
        tree.Ask<TreeProtocol.SessionDump>(new TreeProtocol.GetSessionDump(), StatsTimeout);

    private async Task<string> DumpAsync()
    {
        var sessions = await SessionDumpAsync().ConfigureAwait(false);
        return DumpText.Dump(sessions, registry.All, settings.ConnectionExpiryIntervalMs, Environment.TickCount64,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    /// <summary>As SetTraceMaskCommand: the new mask (stmk prints it back in decimal with no newline).</summary>
    public long SetTraceMask(long mask) => _traceMask.Set(mask);

    /// <summary>
    /// What ZooKeeper 3.8 answers while its server is not running (checked against 3.8.0 with a looking member):
    /// ruok, envi and the trace mask words answer as usual, isro says "null", hash gives the message without a
    /// newline, and every other word gives the message with one.
    /// </summary>
    private string NotServingAnswer(string word, long? argument) => word switch
    {
        "ruok" => "imok",
        "isro" => "null",
        "envi" => StatusText.Envi(),
        "gtmk" => TraceMask.ToString(),
        "stmk" => SetTraceMask(argument ?? FourLetterWords.TraceMask.Default).ToString(),
        "hash" => NotServing,
        _ => NotServing + "\n",
    };

    public string Reset()
    {
        stats.Reset();
        tree.Tell(new TreeProtocol.ResetMetrics(), ActorRefs.NoSender);
        return "Server stats reset.\n";
    }

    public string ResetConnections()
    {
        foreach (var connection in registry.All) connection.ResetCounters();
        return "Connection stats reset.\n";
    }
}

/// <summary>What the status texts read: shared counters, connections, settings, the server's mode and, on an ensemble member, its quorum status.</summary>
public sealed record StatusSource(ServerStats Stats, ConnectionRegistry Registry, FourLetterWordSettings Settings, string Mode,
    QuorumStatus? Quorum = null);
