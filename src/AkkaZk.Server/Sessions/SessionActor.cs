using System.Net.Sockets;
using System.Text;
using AkkaZk.Actors;
using AkkaZk.Jute;
using AkkaZk.Server.FourLetterWords;
using AkkaZk.Server.Network;
using AkkaZk.Server.Stats;
using AkkaZk.Server.Tree;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Sessions;

/// <summary>
/// One client connection: reads frames (via <see cref="ClientFrameReader"/>), performs the handshake, forwards
/// requests to the tree in order, and writes replies and watch events back in the order the tree produced them,
/// batching everything queued into one socket write.
/// </summary>
public sealed class SessionActor : ReceiveActor, IWithTimers, IWithStash
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly IActorRef _tree;
    private readonly SessionSettings _settings;
    private readonly ServerStats _stats;
    private readonly ConnectionRegistry _registry;
    private readonly FourLetterWordService _fourLetterWords;
    private readonly SessionContext _session;
    private readonly ConnectionInfo _info;
    private readonly ConnectionAccounting _accounting;
    private readonly ClientFrameReader _reader;
    private JuteWriter _out = new(4096);
    private JuteWriter _spare = new(4096);
    private bool _flushScheduled;
    private bool _closeAfterFlush;
    private bool _closed;
    private bool? _clientSentReadOnly;
    private long _connectReceivedAt;

    public SessionActor(Socket socket, IActorRef tree, SessionSettings settings, ServerStats stats,
        ConnectionRegistry registry, FourLetterWordService fourLetterWords, CountGate serverOutstanding)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _tree = tree;
        _settings = settings;
        _stats = stats;
        _registry = registry;
        _fourLetterWords = fourLetterWords;
        var remote = SocketPeer.Remote(socket);
        var address = SocketPeer.Address(socket) ?? "unknown";
        var connectionId = registry.NextConnectionId();
        _session = new SessionContext(Self, address, remote?.Port ?? 0, connectionId);
        // As NIOServerCnxn: until a session is established the connection's timeout is the sessionless one.
        _info = new ConnectionInfo(connectionId, address, remote?.Port ?? 0) { TimeoutMs = (int)settings.SessionlessTimeout.TotalMilliseconds };
        _accounting = new ConnectionAccounting(stats, _info, serverOutstanding);
        _reader = new ClientFrameReader(socket, Self, settings.MaxFrameLength, new ReadThrottle(serverOutstanding, _info));
        AwaitingConnect();
    }

    public ITimerScheduler Timers { get; set; } = null!;
    public IStash Stash { get; set; } = null!;

    public static Props Props(Socket socket, IActorRef tree, SessionSettings settings, ServerStats stats,
        ConnectionRegistry registry, FourLetterWordService fourLetterWords, CountGate serverOutstanding) =>
        Actors.Props.Create(() => new SessionActor(socket, tree, settings, stats, registry, fourLetterWords, serverOutstanding));

    protected override void PreStart()
    {
        _registry.Add(_info);
        Timers.StartSingleTimer("sessionless", SessionlessTimeout.Instance, _settings.SessionlessTimeout);
        _ = Task.Run(_reader.RunAsync);
    }

    protected override void PostStop()
    {
        _reader.Stop();
        _accounting.AbandonOutstanding();
        _registry.Remove(_info.ConnectionId);
        _tree.Tell(new SessionProtocol.ConnectionClosed(_session), Self);
        CloseSocket();
    }

    private void AwaitingConnect()
    {
        ReceiveAsync<SessionProtocol.FourLetterWordReceived>(RunFourLetterWordAsync);
        Receive<SessionProtocol.ConnectReceived>(m =>
        {
            _accounting.PacketReceived(m.Bytes);
            _stats.Metrics.ConnectionRequests.Add();
            _connectReceivedAt = Environment.TickCount64;
            _clientSentReadOnly = m.Request.ReadOnly;
            _tree.Tell(new SessionProtocol.ConnectSession(_session, m.Request), Self);
            Become(Connecting);
        });
        Receive<SessionlessTimeout>(_ => ExpireSessionless("no ConnectRequest within the sessionless connection timeout"));
        CommonHandlers();
    }

    private void Connecting()
    {
        Receive<SessionProtocol.ConnectAccepted>(m =>
        {
            Timers.Cancel("sessionless");
            _session.SessionId = m.SessionId;
            _info.SessionId = m.SessionId;
            _info.TimeoutMs = m.TimeoutMs;
            WriteConnectResponse(m.TimeoutMs, m.SessionId, m.Password, m.ReadOnly);
            // As FinalRequestProcessor: only a createSession (not a reattach) is a response with stats, cxid 0.
            if (m.NewSession) _accounting.ResponseSent(0, m.Zxid, "SESS", isUpdate: true, _connectReceivedAt, Environment.TickCount64);
            Become(Connected);
            Stash.UnstashAll();
        });
        Receive<SessionProtocol.ConnectRejected>(m =>
        {
            Context.Log.LogInformation("Refusing connection from {Remote}: {Reason}", _session, m.Reason);
            if (m.SendInvalid)
            {
                WriteConnectResponse(0, 0, new byte[SessionPassword.Length]);
                _closeAfterFlush = true;
            }
            else
            {
                Close(m.Reason);
            }
        });
        Receive<SessionProtocol.RequestReceived>(_ => Stash.Stash());
        Receive<SessionlessTimeout>(_ => ExpireSessionless("session not established within the sessionless connection timeout"));
        CommonHandlers();
    }

    private void Connected()
    {
        Receive<SessionProtocol.RequestReceived>(HandleRequest);
        Receive<SessionProtocol.ClientReply>(WriteReply);
        Receive<SessionProtocol.WatchEventFired>(m =>
        {
            var before = _out.Length;
            ReplyWriter.WriteNotification(_out, new WatcherEvent((int)m.Event.Type, (int)KeeperState.SyncConnected, m.Event.Path));
            FrameWritten(before, isReply: false);
        });
        Receive<SessionlessTimeout>(_ => { });
        CommonHandlers();
    }

    private void CommonHandlers()
    {
        ReceiveAsync<Flush>(_ => FlushAsync());
        Receive<SessionProtocol.InputRejected>(m =>
        {
            Context.Log.LogWarning("Closing connection {Remote}: {Reason}", _session, m.Reason);
            Close(m.Reason);
        });
        Receive<SessionProtocol.SocketClosed>(m => Close(m.Reason ?? "socket closed"));
        Receive<SessionProtocol.CloseConnection>(m =>
        {
            if (_out.Length > 0) { _closeAfterFlush = true; ScheduleFlush(); }
            else Close(m.Reason);
        });
    }

    private void HandleRequest(SessionProtocol.RequestReceived m)
    {
        _accounting.PacketReceived(m.Bytes);
        if (m.OpCode == OpCode.Auth && m.Record is AuthPacket auth)
        {
            HandleAuth(m.Xid, auth);
            return;
        }
        if (m.Problem == RequestProblem.Unimplemented)
            Context.Log.LogWarning("Unimplemented opcode {OpCode} from {Remote}; closing after the reply", m.OpCode, _session);
        else if (m.Problem == RequestProblem.Malformed)
            Context.Log.LogWarning("Malformed request (opcode {OpCode}) from {Remote}", m.OpCode, _session);
        _accounting.RequestStarted();
        _tree.Tell(new SessionProtocol.ClientRequest(_session, m.Xid, m.OpCode, m.Record, m.Problem, m.Timestamp), Self);
    }

    private void HandleAuth(int xid, AuthPacket auth)
    {
        var ids = AuthHandler.Authenticate(auth, _session.RemoteAddress, _settings.SuperDigest);
        // As ZooKeeper: the auth reply carries zxid 0; a failure is followed by a close.
        if (ids is null)
        {
            Context.Log.LogWarning("Authentication with scheme {Scheme} failed for {Remote}", auth.Scheme, _session);
            _stats.AuthFailedOnce();
            _closeAfterFlush = true;
        }
        else
        {
            _session.AddAuthIds(ids);
        }
        var before = _out.Length;
        ReplyWriter.WriteReply(_out, new ReplyHeader(xid, 0, ids is null ? (int)ErrorCode.AuthFailed : 0), null);
        FrameWritten(before, isReply: true);
    }

    private void WriteReply(SessionProtocol.ClientReply m)
    {
        var before = _out.Length;
        ReplyWriter.WriteReply(_out, new ReplyHeader(m.Xid, m.Zxid, m.Err), m.Body);
        FrameWritten(before, isReply: true);
        _accounting.RequestFinished();
        var isUpdate = WriteRequestTranslator.IsWrite(m.OpCode);
        // As FinalRequestProcessor: a write that became an error txn leaves lastOp "NA"; other failures keep the op.
        var operation = isUpdate && m.Err != 0 ? "NA" : OperationNames.Short(m.OpCode);
        _accounting.ResponseSent(m.Xid, m.Zxid, operation, isUpdate, m.Timestamp, Environment.TickCount64);
        if (m.CloseAfter) _closeAfterFlush = true;
    }

    private void WriteConnectResponse(int timeoutMs, long sessionId, byte[] password, bool readOnly = false)
    {
        var before = _out.Length;
        ReplyWriter.WriteConnectResponse(_out, new ConnectResponse(0, timeoutMs, sessionId, password, _clientSentReadOnly is null ? null : readOnly));
        FrameWritten(before, isReply: false);
    }

    /// <summary>Counts the frame written into the output since <paramref name="before"/> and schedules the flush.</summary>
    private void FrameWritten(int before, bool isReply)
    {
        _accounting.PacketSent(_out.Length - before, isReply);
        ScheduleFlush();
    }

    private void ExpireSessionless(string reason)
    {
        _stats.Metrics.SessionlessConnectionsExpired.Add();
        Close(reason);
    }

    private async Task RunFourLetterWordAsync(SessionProtocol.FourLetterWordReceived m)
    {
        // As checkFourLetterWord: the word counts as a 4-byte packet and the connection stops reading.
        _info.RunningCommand = true;
        _accounting.PacketReceived(4);
        var text = await _fourLetterWords.RunAsync(m.Word, m.Argument);
        try
        {
            await _stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The operator's tool went away; nothing to do.
        }
        Close("four-letter word answered");
    }

    private void ScheduleFlush()
    {
        if (_flushScheduled) return;
        _flushScheduled = true;
        Self.Tell(Flush.Instance, Self);
    }

    /// <summary>Writes everything queued since the last flush in one socket write; later replies queue meanwhile.</summary>
    private async Task FlushAsync()
    {
        _flushScheduled = false;
        if (_closed) return;
        if (_out.Length > 0)
        {
            (_out, _spare) = (_spare, _out);
            try
            {
                await _stream.WriteAsync(_spare.WrittenMemory);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                Close($"write failed: {ex.Message}");
                return;
            }
            finally
            {
                _spare.Reset();
            }
        }
        if (_closeAfterFlush && _out.Length == 0) Close("closed after reply");
    }

    private void Close(string reason)
    {
        if (_closed) return;
        Context.Log.LogDebug("Connection {Remote} closing: {Reason}", _session, reason);
        CloseSocket();
        Context.Stop(Self);
    }

    private void CloseSocket()
    {
        if (_closed) return;
        _closed = true;
        // Off the list before the peer can see the close: a 4lw client that reads EOF and asks again must not
        // find this connection still counted (ZooKeeper removes a connection before closing its socket).
        _registry.Remove(_info.ConnectionId);
        _reader.Stop();
        try { _socket.Shutdown(SocketShutdown.Both); } catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { }
        _socket.Dispose();
    }

    private sealed class Flush
    {
        public static readonly Flush Instance = new();
    }

    private sealed class SessionlessTimeout
    {
        public static readonly SessionlessTimeout Instance = new();
    }
}
