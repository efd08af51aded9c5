using AkkaZk.Differential.Tests.Servers;

namespace AkkaZk.Differential.Tests.Fuzz;

/// <summary>
/// What must hold while the node is fuzzed: the process runs, its RSS stays under <see cref="MaxRssBytes"/>,
/// ruok answers imok, and the <see cref="WitnessSession"/> opened before the fuzzing keeps working.
/// </summary>
public sealed class NodeHealth : IAsyncDisposable
{
    public const long MaxRssBytes = 1L << 30;
    private static readonly TimeSpan ReplyBound = TimeSpan.FromSeconds(10);

    private readonly ServerProcess _server;

    private NodeHealth(ServerProcess server, WitnessSession witness)
    {
        _server = server;
        Witness = witness;
    }

    public WitnessSession Witness { get; }
    public long PeakRssBytes { get; private set; }
    public int Checks { get; private set; }

    /// <summary>Opens the witness session and creates the fuzz sessions' root.</summary>
    public static async Task<NodeHealth> StartAsync(ServerProcess server)
    {
        var witness = await WitnessSession.StartAsync(server).ConfigureAwait(false);
        await using (var client = await AkkaZk.Client.ZkClient.ConnectAsync(ServerProcess.Host, server.Port).ConfigureAwait(false))
        {
            if (await client.ExistsAsync(ValidConversation.Root).ConfigureAwait(false) is null)
                await client.CreateAsync(ValidConversation.Root, null).ConfigureAwait(false);
            await client.CloseSessionAsync().ConfigureAwait(false);
        }
        return new NodeHealth(server, witness);
    }

    /// <summary>Throws with a readable reason when the node is not healthy.</summary>
    public async Task CheckAsync()
    {
        Checks++;
        if (_server.HasExited) throw new InvalidOperationException($"AkkaZk exited\n{_server.LogTail()}");
        var rss = _server.ResidentSetBytes();
        PeakRssBytes = Math.Max(PeakRssBytes, rss);
        if (rss > MaxRssBytes) throw new InvalidOperationException($"AkkaZk RSS {rss >> 20} MiB exceeds {MaxRssBytes >> 20} MiB");
        var ruok = await _server.FourLetterWordAsync("ruok", ReplyBound).ConfigureAwait(false);
        if (ruok != "imok") throw new InvalidOperationException($"ruok answered \"{ruok}\"");
        await Witness.CheckAsync().ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => Witness.DisposeAsync();
}
