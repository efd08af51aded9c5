using System.Net.Sockets;
using AkkaZk.Actors;
using AkkaZk.Jute.Quorum;
using AkkaZk.Server.Network;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Ensemble.Election;

/// <summary>
/// QuorumCnxManager's connection rules, owned by the ElectionActor (called only from its thread):
/// one connection per peer, kept when it was initiated by the larger sid — a smaller sid that connects is dropped
/// and called back, and our own connection to a larger sid is closed right after the initial message, which makes
/// that peer call us. Per peer only the latest unsent notification is kept (the send queue of capacity one), and
/// a new connection first carries the pending one or else the last one sent. Connection attempts back off
/// exponentially per peer. Blackholed pairs (<see cref="ElectionSettings.Faults"/>) exchange nothing.
/// </summary>
internal sealed class ElectionLinks(ElectionSettings settings, IActorRef owner, ILogger log) : IDisposable
{
    private readonly Dictionary<long, ElectionConnection> _connections = [];
    private readonly HashSet<long> _connecting = [];
    private readonly Dictionary<long, (long DueMs, TimeSpan Delay)> _backoff = [];
    private readonly Dictionary<long, Notification> _pending = [];
    private readonly Dictionary<long, Notification> _lastSent = [];
    private readonly Dictionary<long, (string Host, int Port)> _advertised = [];
    private Socket? _listener;

    /// <summary>The members and config; replaced when a reconfig activates a new config (restartLeaderElection).</summary>
    public ElectionSettings Settings { get; set; } = settings;

    private long MyId => Settings.MyId;
    private static long NowMs => Environment.TickCount64;

    public void Listen()
    {
        var me = Settings.Me;
        _listener = ElectionHandshake.Listen(me.Host, me.ElectionPort);
        _ = Task.Run(() => ElectionHandshake.AcceptLoop(_listener, owner, reason => log.LogWarning("Node {Id}: {Reason}", MyId, reason)));
    }

    public void Send(long to, Notification notification)
    {
        if (Settings.Faults.IsBlackholed(MyId, to)) return;
        if (_connections.TryGetValue(to, out var connection))
        {
            if (connection.TrySend(notification))
            {
                _lastSent[to] = notification;
                return;
            }
            Lost(to, connection, "send failed");
        }
        _pending[to] = notification;
        Connect(to);
    }

    /// <summary>Every tick: keep a connection to each smaller sid, and poke larger ones we have something for.</summary>
    public void Maintain()
    {
        foreach (var peer in Settings.Servers)
        {
            if (peer.Id == MyId || _connections.ContainsKey(peer.Id)) continue;
            if (peer.Id < MyId || _pending.ContainsKey(peer.Id)) Connect(peer.Id);
        }
    }

    public void Accepted(Socket socket, ElectionInitialMessage initial, byte[] leftover)
    {
        var sid = initial.Sid;
        if (sid == MyId)
        {
            log.LogWarning("Node {Id}: election connection from {Remote} claims our own sid; closed", MyId, SocketPeer.Describe(socket));
            socket.Dispose();
            return;
        }
        if (sid < MyId)
        {
            // QuorumCnxManager.handleConnection: the smaller sid lost the challenge; we call it instead, at the address
            // it advertised (a server outside our config, e.g. one a reconfig removed, is reached that way).
            socket.Dispose();
            if (Advertised(initial.Address) is { } address) _advertised[sid] = address;
            _backoff.Remove(sid);
            Connect(sid);
            return;
        }
        Use(sid, socket, leftover);
    }

    public void Connected(long sid, Socket? socket, string? error)
    {
        _connecting.Remove(sid);
        if (socket is null)
        {
            BackOff(sid);
            log.LogDebug("Node {Id}: cannot open election connection to {Sid}: {Error}", MyId, sid, error);
            return;
        }
        if (sid > MyId)
        {
            // QuorumCnxManager.startConnection: our initial message is sent; the larger sid connects back.
            socket.Dispose();
            BackOff(sid);
            return;
        }
        Use(sid, socket, []);
    }

    public void Closed(long sid, long connectionId, string? reason)
    {
        if (!_connections.TryGetValue(sid, out var connection) || connection.Id != connectionId) return;
        if (reason is not null)
            log.LogWarning("Node {Id}: election connection with {Sid} dropped: {Reason}", MyId, sid, reason);
        Lost(sid, connection, reason ?? "closed");
    }

    public void Dispose()
    {
        _listener?.Dispose();
        foreach (var connection in _connections.Values) connection.Dispose();
        _connections.Clear();
    }

    private void Use(long sid, Socket socket, byte[] leftover)
    {
        var connection = new ElectionConnection(sid, socket);
        // A newer connection replaces the old one (QuorumCnxManager finishes the old SendWorker).
        if (_connections.Remove(sid, out var old)) old.Dispose();
        _connections[sid] = connection;
        _backoff.Remove(sid);
        log.LogInformation("Node {Id}: election connection with {Sid} up ({Remote})", MyId, sid, connection.Remote);
        connection.StartReading(owner, leftover);
        if (_pending.Remove(sid, out var pending) || _lastSent.TryGetValue(sid, out pending)) Send(sid, pending);
    }

    private void Lost(long sid, ElectionConnection connection, string reason)
    {
        connection.Dispose();
        _connections.Remove(sid);
        log.LogInformation("Node {Id}: election connection with {Sid} down ({Reason})", MyId, sid, reason);
        BackOff(sid);
    }

    private void Connect(long sid)
    {
        if (_connections.ContainsKey(sid) || _connecting.Contains(sid)) return;
        if (_backoff.TryGetValue(sid, out var backoff) && NowMs < backoff.DueMs) return;
        var peer = Settings.Servers.FirstOrDefault(s => s.Id == sid);
        (string Host, int Port) target;
        if (peer is not null) target = (peer.Host, peer.ElectionPort);
        else if (_advertised.TryGetValue(sid, out var advertised)) target = advertised;
        else return; // an unknown sid that advertised nothing is answered on its own connection only
        _connecting.Add(sid);
        var initial = ElectionInitialMessage.V1(MyId, Settings.MyElectionAddress);
        _ = Task.Run(() => ElectionHandshake.Connect(sid, target.Host, target.Port, initial, Settings.ConnectTimeout, owner));
    }

    /// <summary>"host:port" (IPv6 as "[addr]:port") from an initial message; a wildcard host is dropped, as ZooKeeper does.</summary>
    private static (string Host, int Port)? Advertised(string address)
    {
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address.AsSpan(colon + 1), out var port)) return null;
        var host = address[..colon].Trim('[', ']');
        return host is "0.0.0.0" or "::" ? null : (host, port);
    }

    private void BackOff(long sid)
    {
        var delay = _backoff.TryGetValue(sid, out var previous)
            ? TimeSpan.FromTicks(Math.Min(previous.Delay.Ticks * 2, Settings.MaxReconnectDelay.Ticks))
            : Settings.MinReconnectDelay;
        _backoff[sid] = (NowMs + (long)delay.TotalMilliseconds, delay);
    }
}
