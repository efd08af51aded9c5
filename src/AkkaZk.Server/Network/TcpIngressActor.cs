using System.Net;
using System.Net.Sockets;
using AkkaZk.Actors;
using AkkaZk.Actors.Remote;
using AkkaZk.Server.FourLetterWords;
using AkkaZk.Server.Sessions;
using AkkaZk.Server.Stats;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Network;

/// <summary>
/// Listens on the client port and starts one SessionActor per accepted connection. As ZooKeeper: past maxCnxns
/// connections in all, or maxClientCnxns from one client IP, a connection is accepted and closed at once, with a
/// log line; a failing connection stops alone. The connections share the globalOutstandingLimit gate.
/// An ensemble member listens from start-up and serves only while it has a role: until <see cref="Serve"/> (and
/// after <see cref="StopServing"/>, which closes every connection) a connection is answered as ZooKeeper does when
/// its server is not running (see <see cref="NotServingConnection"/>).
/// </summary>
public sealed class TcpIngressActor : ReceiveActor
{
    private readonly IngressSettings _settings;
    private readonly FourLetterWordService _notServing;
    private Func<Socket, CountGate, Props>? _sessionProps;
    private readonly ServerStats _stats;
    private readonly CountGate _outstanding;
    private readonly Dictionary<string, int> _perIp = new();
    private readonly Dictionary<IActorRef, string> _children = new();
    private Socket? _listener;
    private long _accepted;

    public TcpIngressActor(IngressSettings settings, ServerStats stats, FourLetterWordService notServing, Func<Socket, CountGate, Props>? sessionProps)
    {
        _settings = settings;
        _stats = stats;
        _notServing = notServing;
        _sessionProps = sessionProps;
        _outstanding = new CountGate(settings.GlobalOutstandingLimit);
        Receive<Accepted>(m => StartSession(m.Socket));
        Receive<Terminated>(m => ConnectionEnded(m.ActorRef));
        Receive<GetBoundPort>(_ => Sender.Tell(BoundPort, Self));
        Receive<Serve>(m => _sessionProps = (socket, outstanding) =>
            SessionActor.Props(socket, m.Tree, m.SessionSettings, stats, m.Registry, m.FourLetterWords, outstanding));
        Receive<StopServing>(_ =>
        {
            _sessionProps = null;
            foreach (var child in _children.Keys) Context.Stop(child);
        });
    }

    /// <summary>An ingress that serves from the start (a standalone server).</summary>
    public static Props Props(IngressSettings settings, IActorRef tree, SessionSettings sessionSettings, ServerStats stats,
        ConnectionRegistry registry, FourLetterWordService fourLetterWords) =>
        Actors.Props.Create(() => new TcpIngressActor(settings, stats, fourLetterWords,
            (socket, outstanding) => SessionActor.Props(socket, tree, sessionSettings, stats, registry, fourLetterWords, outstanding)));

    /// <summary>An ingress that answers as a server that is not running until it is told to <see cref="Serve"/>.</summary>
    public static Props NotServingProps(IngressSettings settings, ServerStats stats, FourLetterWordService notServing) =>
        Actors.Props.Create(() => new TcpIngressActor(settings, stats, notServing, null));

    /// <summary>The port actually bound (useful when configured as 0).</summary>
    public int BoundPort => (_listener?.LocalEndPoint as IPEndPoint)?.Port ?? 0;

    // A connection that fails is closed on its own; nothing else is affected.
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(-1, TimeSpan.Zero, _ => Directive.Stop);

    protected override void PreStart()
    {
        var address = IPAddress.Parse(_settings.Address);
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(address, _settings.Port));
        listener.Listen(512);
        _listener = listener;
        Context.Log.LogInformation("Listening for client connections on {Address}:{Port}", _settings.Address, BoundPort);
        var self = Self;
        _ = Task.Run(() => AcceptLoop.RunAsync(listener, socket => self.Tell(new Accepted(socket), null)));
    }

    protected override void PostStop() => _listener?.Dispose();

    private void StartSession(Socket socket)
    {
        if (_sessionProps is null)
        {
            _ = Task.Run(() => NotServingConnection.AnswerAsync(socket, _notServing));
            return;
        }
        // As NIOServerCnxnFactory.doAccept: the total limit is checked first, then the per-IP one.
        if (_settings.MaxCnxns > 0 && _children.Count >= _settings.MaxCnxns)
        {
            Context.Log.LogError("Too many connections {Count} - max is {Max}", _children.Count, _settings.MaxCnxns);
            Reject(socket);
            return;
        }
        var ip = RemoteIp(socket);
        _perIp.TryGetValue(ip, out var count);
        if (_settings.MaxClientCnxnsPerIp > 0 && count >= _settings.MaxClientCnxnsPerIp)
        {
            Context.Log.LogWarning("Too many connections from /{Ip} - max is {Max}", ip, _settings.MaxClientCnxnsPerIp);
            Reject(socket);
            return;
        }
        socket.NoDelay = true;
        var child = Context.ActorOf(_sessionProps(socket, _outstanding), $"connection-{++_accepted}");
        Context.Watch(child);
        _children[child] = ip;
        _perIp[ip] = count + 1;
    }

    private void Reject(Socket socket)
    {
        _stats.Metrics.ConnectionRejected.Add();
        socket.Dispose();
    }

    private void ConnectionEnded(IActorRef child)
    {
        if (!_children.Remove(child, out var ip)) return;
        if (--_perIp[ip] == 0) _perIp.Remove(ip);
    }

    private static string RemoteIp(Socket socket) => SocketPeer.Address(socket) ?? "unknown";

    private sealed record Accepted(Socket Socket);

    /// <summary>Asks for the bound client port (answered with an int).</summary>
    public sealed record GetBoundPort;

    /// <summary>Serve clients from now on: sessions talk to this tree and these four-letter words.</summary>
    public sealed record Serve(IActorRef Tree, SessionSettings SessionSettings, ConnectionRegistry Registry, FourLetterWordService FourLetterWords);

    /// <summary>Stop serving: every connection is closed, and new ones are answered as by a server not running.</summary>
    public sealed record StopServing;
}
