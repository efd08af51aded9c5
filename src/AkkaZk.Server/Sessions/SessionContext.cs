using AkkaZk.Actors;
using AkkaZk.Jute;

namespace AkkaZk.Server.Sessions;

/// <summary>
/// One client connection as the tree sees it: the session bound to it, its identities and its watcher.
/// Created by the SessionActor; identities are replaced (never mutated) when an auth packet succeeds.
/// </summary>
public sealed class SessionContext
{
    private volatile Id[] _authIds;

    public SessionContext(IActorRef connection, string remoteAddress, int remotePort, long connectionId)
    {
        Connection = connection;
        RemoteAddress = remoteAddress;
        RemotePort = remotePort;
        ConnectionId = connectionId;
        _authIds = [new Id("ip", remoteAddress)];
        Watcher = new SessionWatcher(this);
    }

    public IActorRef Connection { get; }
    public string RemoteAddress { get; }
    public int RemotePort { get; }
    public long ConnectionId { get; }
    public long SessionId { get; set; }
    public SessionWatcher Watcher { get; }

    /// <summary>Writes submitted by this connection whose replies have not gone out yet (reads wait behind them).</summary>
    public long WritesSubmitted { get; set; }
    public long WritesCompleted { get; set; }
    public Queue<DeferredRead>? DeferredReads { get; set; }

    public IReadOnlyList<Id> AuthIds => _authIds;

    public void AddAuthIds(IEnumerable<Id> ids) => _authIds = _authIds.Concat(ids).Distinct().ToArray();

    public override string ToString() => $"/{RemoteAddress}:{RemotePort}[0x{SessionId:x}]";
}

/// <summary>A read held back until the writes submitted before it on the same connection have been answered.</summary>
public readonly record struct DeferredRead(long AfterWrites, object Request);
