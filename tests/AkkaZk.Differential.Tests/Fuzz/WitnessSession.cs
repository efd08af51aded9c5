using System.Net.Sockets;
using System.Text;
using AkkaZk.Client;
using AkkaZk.Differential.Tests.Servers;
using AkkaZk.Jute;

namespace AkkaZk.Differential.Tests.Fuzz;

/// <summary>
/// An ordinary client session that lives through the fuzzing: each check sets its node's data and reads it back.
/// Its connection may only be lost to a fuzz handshake that claims the session (ZooKeeper closes a session's
/// connection before it checks the claimant's password); it then reconnects, and the session must still be alive.
/// </summary>
public sealed class WitnessSession : IAsyncDisposable
{
    private const string Credentials = "witness:only-the-witness";
    private const int SessionTimeoutMs = 30000;
    private const int MaxAttempts = 5;
    private static readonly TimeSpan ReplyBound = TimeSpan.FromSeconds(10);

    private readonly ServerProcess _server;
    private readonly string _path;
    private ZkClient _client;
    private int _round;

    private WitnessSession(ServerProcess server, ZkClient client, string path)
    {
        _server = server;
        _client = client;
        _path = path;
        SessionId = client.SessionId;
    }

    public long SessionId { get; }

    /// <summary>How often the server closed the witness's connection and it reconnected to its session.</summary>
    public int Reconnects { get; private set; }

    /// <summary>Opens the session and creates its node, under a parent with a digest ACL (deleting a node needs the
    /// Delete permission on its parent), so no fuzz session can change either.</summary>
    public static async Task<WitnessSession> StartAsync(ServerProcess server)
    {
        var client = await ZkClient.ConnectAsync(ServerProcess.Host, server.Port, SessionTimeoutMs).ConfigureAwait(false);
        await AuthenticateAsync(client).ConfigureAwait(false);
        var acl = new[] { new Acl(Perms.All, new Id("digest", Differential.OpGenerator.Digest(Credentials))) };
        var parent = await client.CreateAsync("/fuzz-witness", null, CreateMode.Persistent, acl).ConfigureAwait(false);
        var path = await client.CreateAsync(parent + "/node", [0], CreateMode.Persistent, acl).ConfigureAwait(false);
        return new WitnessSession(server, client, path);
    }

    /// <summary>A setData then a getData that must return what was set; throws with the reason otherwise.</summary>
    public async Task CheckAsync()
    {
        var value = BitConverter.GetBytes(++_round);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (_client.Closed.IsCompleted) await ReconnectAsync().ConfigureAwait(false);
                var stat = await _client.SetDataAsync(_path, value).WaitAsync(ReplyBound).ConfigureAwait(false);
                var (data, read) = await _client.GetDataAsync(_path).WaitAsync(ReplyBound).ConfigureAwait(false);
                if (read.Version != stat.Version || data is null || !data.AsSpan().SequenceEqual(value))
                    throw Failure($"read back version {read.Version}, data {Convert.ToHexString(data ?? [])} after setting {Convert.ToHexString(value)} (version {stat.Version})");
                return;
            }
            catch (Exception ex) when (ex is IOException or SocketException && attempt < MaxAttempts)
            {
                // Closed mid-check (see the class comment): reconnect and try again.
            }
            catch (TimeoutException)
            {
                throw Failure($"no reply within {ReplyBound.TotalSeconds}s");
            }
            catch (KeeperException ex)
            {
                throw Failure(ex.Message);
            }
        }
    }

    private async Task ReconnectAsync()
    {
        Reconnects++;
        var lastZxid = _client.LastZxid;
        var password = _client.Password;
        await _client.DisposeAsync().ConfigureAwait(false);
        try
        {
            _client = await ZkClient.ConnectAsync(ServerProcess.Host, _server.Port, SessionTimeoutMs, SessionId, password, lastZxid)
                .WaitAsync(ReplyBound).ConfigureAwait(false);
        }
        catch (SessionExpiredException)
        {
            throw Failure("expired");
        }
        catch (TimeoutException)
        {
            throw Failure($"reconnect not answered within {ReplyBound.TotalSeconds}s");
        }
        await AuthenticateAsync(_client).ConfigureAwait(false);
    }

    private static async Task AuthenticateAsync(ZkClient client)
    {
        var reply = await client.SendAsync(OpCode.Auth, new AuthPacket(0, "digest", Encoding.UTF8.GetBytes(Credentials)))
            .WaitAsync(ReplyBound).ConfigureAwait(false);
        if (reply.Err != 0) throw new InvalidOperationException($"witness auth failed: {reply.Err}");
    }

    private InvalidOperationException Failure(string what) => new($"witness session 0x{SessionId:x}: {what}");

    public async ValueTask DisposeAsync()
    {
        try { await _client.CloseSessionAsync().WaitAsync(ReplyBound).ConfigureAwait(false); }
        catch (Exception ex) when (ex is IOException or SocketException or TimeoutException) { }
    }
}
