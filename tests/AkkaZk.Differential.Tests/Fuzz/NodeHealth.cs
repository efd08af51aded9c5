using System.Text;
using AkkaZk.Client;
using AkkaZk.Differential.Tests.Servers;
using AkkaZk.Jute;

namespace AkkaZk.Differential.Tests.Fuzz;

/// <summary>
/// What must hold while the node is fuzzed: the process runs, its RSS stays under <see cref="MaxRssBytes"/>,
/// ruok answers imok, and a witness session opened before the fuzzing keeps its session and gets correct replies
/// (a setData then a getData of a node only it may touch).
/// </summary>
public sealed class NodeHealth : IAsyncDisposable
{
    public const long MaxRssBytes = 1L << 30;
    private const string WitnessCredentials = "witness:only-the-witness";
    private static readonly TimeSpan ReplyBound = TimeSpan.FromSeconds(10);

    private readonly ServerProcess _server;
    private readonly ZkClient _witness;
    private readonly long _sessionId;
    private readonly string _path;
    private int _round;

    private NodeHealth(ServerProcess server, ZkClient witness, string path)
    {
        _server = server;
        _witness = witness;
        _sessionId = witness.SessionId;
        _path = path;
    }

    public long PeakRssBytes { get; private set; }
    public int Checks { get; private set; }

    /// <summary>Opens the witness session, creates its node (digest ACL: the fuzz sessions cannot touch it) and the fuzz root.</summary>
    public static async Task<NodeHealth> StartAsync(ServerProcess server)
    {
        var witness = await ZkClient.ConnectAsync(ServerProcess.Host, server.Port, sessionTimeoutMs: 30000).ConfigureAwait(false);
        var auth = await witness.SendAsync(OpCode.Auth, new AuthPacket(0, "digest", Encoding.UTF8.GetBytes(WitnessCredentials))).ConfigureAwait(false);
        if (auth.Err != 0) throw new InvalidOperationException($"witness auth failed: {auth.Err}");
        var acl = new[] { new Acl(Perms.All, new Id("digest", Differential.OpGenerator.Digest(WitnessCredentials))) };
        // Under a parent with the same ACL: deleting a node needs the Delete permission on its parent.
        var parent = await witness.CreateAsync("/fuzz-witness", null, CreateMode.Persistent, acl).ConfigureAwait(false);
        var path = await witness.CreateAsync(parent + "/node", [0], CreateMode.Persistent, acl).ConfigureAwait(false);
        if (await witness.ExistsAsync(ValidConversation.Root).ConfigureAwait(false) is null)
            await witness.CreateAsync(ValidConversation.Root, null).ConfigureAwait(false);
        return new NodeHealth(server, witness, path);
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
        await CheckWitnessAsync().ConfigureAwait(false);
    }

    private async Task CheckWitnessAsync()
    {
        if (_witness.Closed.IsCompleted) throw new InvalidOperationException("the server closed the witness connection");
        var value = BitConverter.GetBytes(++_round);
        try
        {
            var stat = await _witness.SetDataAsync(_path, value).WaitAsync(ReplyBound).ConfigureAwait(false);
            var (data, _) = await _witness.GetDataAsync(_path).WaitAsync(ReplyBound).ConfigureAwait(false);
            if (stat.Version != _round || data is null || !data.AsSpan().SequenceEqual(value))
                throw new InvalidOperationException($"witness read back version {stat.Version}, data {Convert.ToHexString(data ?? [])} after set {_round}");
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"witness session 0x{_sessionId:x} got no reply within {ReplyBound.TotalSeconds}s");
        }
        catch (KeeperException ex)
        {
            throw new InvalidOperationException($"witness session 0x{_sessionId:x}: {ex.Message}");
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"witness session 0x{_sessionId:x} lost its connection: {ex.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { await _witness.CloseSessionAsync().WaitAsync(ReplyBound).ConfigureAwait(false); }
        catch (Exception ex) when (ex is IOException or TimeoutException) { }
    }
}
