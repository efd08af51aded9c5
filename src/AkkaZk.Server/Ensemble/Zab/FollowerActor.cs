using System.Buffers.Binary;
using System.Net.Sockets;
using AkkaZk.Actors;
using AkkaZk.Consensus;
using AkkaZk.Jute;
using AkkaZk.Jute.Quorum;
using AkkaZk.Server.Ensemble.Quorum;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Ensemble.Zab;

/// <summary>
/// The follower role, or the observer role when the node is an observer (FollowerCore.IsObserver): connects to
/// the leader's quorum port (retrying within initLimit), and drains FollowerCore's Readys through a
/// <see cref="ReadyPipeline"/> — proposals are journaled before their ACK is sent, commits are applied in zxid
/// order. A SNAP's snapshot replaces the tree before the core sees the SNAP. Client writes come from the tree as
/// REQUEST packets; a client reattaching its session is revalidated by REVALIDATE; PING replies carry the sessions
/// the tree touched; SYNC completes the oldest pending sync.
/// </summary>
public sealed class FollowerActor : ReceiveActor, IWithTimers
{
    private readonly EnsembleSettings _settings;
    private readonly long _leaderId;
    private readonly IActorRef _tree;
    private readonly FollowerCore _core;
    private readonly ReadyPipeline _pipeline;
    private readonly long _startApplied;
    private readonly Dictionary<long, int> _touched = [];
    private readonly string _mode;
    private QuorumSocket? _socket;
    private QuorumPacketReader? _reader;
    private Socket? _connecting;
    private long _connectDeadline;
    private bool _ended;
    private bool _truncatingBelowTree;
    private readonly QuorumFlush _flush = new();

    public FollowerActor(EnsembleSettings settings, long leaderId, ZabProtocol.ZabStart start, IActorRef tree)
    {
        _settings = settings;
        _leaderId = leaderId;
        _tree = tree;
        _mode = settings.IsObserver ? "observer" : "follower";
        _startApplied = start.Log.AppliedZxid;
        _core = new FollowerCore(settings.MyId, leaderId, settings.Config, settings.Zab, start.Epochs, start.Log, settings.IsObserver);
        _pipeline = new ReadyPipeline(actions => _tree.Tell(new ZabProtocol.Persist(actions, Self), Self), Execute);
        Receive<ConnectResult>(OnConnectResult);
        Receive<RetryConnect>(_ => Connect());
        Receive<QuorumLink.PacketReceived>(m => Received(m.Packet, m.Snapshot));
        Receive<QuorumLink.Closed>(m =>
        {
            Context.Log.Log(m.BadInput ? LogLevel.Warning : LogLevel.Information, "Node {Id}: connection to leader {Leader} closed: {Reason}",
                _settings.MyId, _leaderId, m.Reason);
            Step(_core.ConnectionLost());
        });
        Receive<ZabProtocol.Persisted>(_ => _pipeline.Persisted());
        Receive<ZabProtocol.ForwardedRequest>(ForwardRequest);
        Receive<ZabProtocol.RevalidateSession>(Revalidate);
        Receive<ZabProtocol.SessionsTouched>(m =>
        {
            foreach (var (id, timeout) in m.Sessions) _touched[id] = timeout;
        });
        Receive<Tick>(_ => Step(_core.Tick()));
        Receive<QuorumFlush.Due>(_ => FlushOrLose());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(EnsembleSettings settings, long leaderId, ZabProtocol.ZabStart start, IActorRef tree) =>
        Actors.Props.Create(() => new FollowerActor(settings, leaderId, start, tree));

    protected override void PreStart()
    {
        Context.Log.LogInformation("Node {Id}: role {Mode} of leader {Leader}, connecting", _settings.MyId, _mode, _leaderId);
        _connectDeadline = Environment.TickCount64 + (long)_settings.Zab.InitLimit * _settings.TickMs;
        Connect();
    }

    protected override void PostStop()
    {
        // A connect still in flight would hand its socket to nobody: close it here.
        _connecting?.Dispose();
        _reader?.Stop();
        _socket?.Dispose();
    }

    private void Connect()
    {
        var leader = _settings.Address(_leaderId);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _connecting = socket;
        _ = socket.ConnectAsync(leader.Host, leader.QuorumPort).PipeTo(Self, Self,
            () => new ConnectResult(socket, null),
            ex => { socket.Dispose(); return new ConnectResult(null, ex.Message); });
    }

    private void OnConnectResult(ConnectResult m)
    {
        _connecting = null;
        if (_ended) { m.Socket?.Dispose(); return; }
        if (m.Socket is null)
        {
            // Learner.connectToLeader: retried every leaderConnectDelayDuringRetryMs (100 ms) until initLimit runs out;
            // the new leader usually opens its quorum port a moment after its followers decided.
            if (Environment.TickCount64 < _connectDeadline)
            {
                Timers.StartSingleTimer("connect", RetryConnect.Instance, LeaderConnectRetryDelay);
                return;
            }
            End($"could not connect to leader {_leaderId}: {m.Error}");
            return;
        }
        _socket = new QuorumSocket(m.Socket);
        _reader = new QuorumPacketReader(m.Socket, Self, _settings.JuteMaxBuffer);
        _ = Task.Run(_reader.RunAsync);
        Timers.StartPeriodicTimer("tick", Tick.Instance, _settings.HalfTick);
        Step(_core.Start());
    }

    private void Step(Ready<QuorumPacket> ready, Action? then = null)
    {
        if (!_ended) _pipeline.Add(ready, then);
    }

    private bool Blackholed => _settings.Faults.IsBlackholed(_settings.MyId, _leaderId);

    private void Received(QuorumPacket packet, byte[]? snapshot)
    {
        if (_ended || _truncatingBelowTree || Blackholed) return;
        switch (packet.Type)
        {
            case QuorumPacketType.Snap:
                Context.Log.LogInformation("Node {Id}: syncing from leader {Leader} by SNAP at {Zxid} ({Bytes} bytes)",
                    _settings.MyId, _leaderId, ZxidUtils.ToHex(packet.Zxid), snapshot?.Length ?? 0);
                _tree.Tell(new ZabProtocol.LoadSnapshot(snapshot ?? [], packet.Zxid), Self);
                break;
            case QuorumPacketType.Sync:
                // After the commits that preceded it: through the pipeline, behind their applies.
                Step(Ready<QuorumPacket>.Empty, () => _tree.Tell(new ZabProtocol.SyncCompleted(), Self));
                return;
            case QuorumPacketType.Revalidate:
                Revalidated(packet);
                return;
            case QuorumPacketType.Diff or QuorumPacketType.Trunc:
                Context.Log.LogInformation("Node {Id}: syncing from leader {Leader} by {Mode} to {Zxid}",
                    _settings.MyId, _leaderId, QuorumPacketType.Name(packet.Type), ZxidUtils.ToHex(packet.Zxid));
                break;
        }
        var ready = _core.Step(packet);
        // A TRUNC below what the recovered tree already applied: the tree must be rebuilt from the truncated log.
        var truncations = ready.Persist.OfType<TruncateLog>().ToList();
        if (truncations.Any(t => t.Zxid < _startApplied))
        {
            // The tree holds txns above the truncation point, so nothing of this sync may be made durable from it
            // (NEWLEADER's snapshot would keep the truncated txn): take no more packets, persist the truncation
            // alone, then end the role so the tree is rebuilt from the truncated log.
            _truncatingBelowTree = true;
            Step(Ready<QuorumPacket>.Empty with { Persist = truncations }, () => End("truncated below the applied state; rebuilding the tree"));
            return;
        }
        Step(ready);
    }

    private void ForwardRequest(ZabProtocol.ForwardedRequest m)
    {
        if (_socket is null || _ended || Blackholed) return;
        var data = new byte[16 + m.Body.Length];
        BinaryPrimitives.WriteInt64BigEndian(data, m.SessionId);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(8), m.Cxid);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(12), m.OpCode);
        m.Body.CopyTo(data.AsSpan(16));
        Write([new QuorumPacket(QuorumPacketType.Request, -1, data, m.AuthInfo)]);
    }

    /// <summary>Learner.validateSession: REVALIDATE carries long sessionId, int timeout; the tree waits for the answer.</summary>
    private void Revalidate(ZabProtocol.RevalidateSession m)
    {
        if (_socket is null || _ended || Blackholed) return;
        var data = new byte[12];
        BinaryPrimitives.WriteInt64BigEndian(data, m.SessionId);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(8), m.TimeoutMs);
        Write([new QuorumPacket(QuorumPacketType.Revalidate, -1, data)]);
    }

    /// <summary>Learner.revalidate: the answer (long sessionId, boolean valid), behind the commits that preceded it.</summary>
    private void Revalidated(QuorumPacket packet)
    {
        if (packet.Data is not { Length: >= 9 } data)
        {
            Context.Log.LogWarning("Node {Id}: REVALIDATE answer from leader {Leader} without a session and verdict ignored", _settings.MyId, _leaderId);
            return;
        }
        var answer = new ZabProtocol.SessionRevalidated(BinaryPrimitives.ReadInt64BigEndian(data), data[8] != 0);
        Step(Ready<QuorumPacket>.Empty, () => _tree.Tell(answer, Self));
    }

    private void Execute(Ready<QuorumPacket> ready)
    {
        if (_ended) return;
        if (ready.Send.Count > 0) Write(ready.Send.Select(o => o.Message.Type == QuorumPacketType.Ping ? WithTouchTable(o.Message) : o.Message));
        if (ready.Apply.Count > 0) _tree.Tell(new ZabProtocol.ApplyCommitted(ready.Apply), Self);
        foreach (var activation in ready.Activate) Context.Parent.Tell(new ZabProtocol.ConfigActivated(activation), Self);
        switch (ready.RoleChange)
        {
            case Established established:
                Context.Log.LogInformation("Node {Id}: role {Mode} established, leader {Leader}, epoch {Epoch}, synced by {Sync}",
                    _settings.MyId, _mode, _leaderId, established.Epoch, QuorumPacketType.Name(_core.SyncMode));
                _tree.Tell(new ZabProtocol.StartFollowing(Self), Self);
                Context.Parent.Tell(new ZabProtocol.RoleEstablished(_mode, established.Epoch), Self);
                break;
            case BackToLooking looking:
                End(looking.Reason);
                break;
        }
    }

    /// <summary>Learner.ping: the reply carries every session touched here since the last one (LearnerSessionTracker).</summary>
    private QuorumPacket WithTouchTable(QuorumPacket ping)
    {
        if (_touched.Count == 0) return ping;
        var table = new byte[_touched.Count * 12];
        var at = 0;
        foreach (var (id, timeout) in _touched)
        {
            BinaryPrimitives.WriteInt64BigEndian(table.AsSpan(at), id);
            BinaryPrimitives.WriteInt32BigEndian(table.AsSpan(at + 8), timeout);
            at += 12;
        }
        _touched.Clear();
        return ping with { Data = table };
    }

    private void Write(IEnumerable<QuorumPacket> packets)
    {
        if (_socket is null || Blackholed) return;
        foreach (var packet in packets) _socket.Add(packet);
        // One socket write for everything queued meanwhile (ACKs of a batch, forwarded requests, a PING reply).
        _flush.Schedule(Self);
    }

    private void FlushOrLose()
    {
        _flush.Flushing();
        if (_socket is null || Blackholed) return;
        try
        {
            _socket.Flush();
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
            Step(_core.ConnectionLost());
        }
    }

    private void End(string reason)
    {
        if (_ended) return;
        _ended = true;
        Timers.CancelAll();
        Context.Log.LogWarning("Node {Id}: role {Mode} ends: {Reason}", _settings.MyId, _mode, reason);
        Context.Parent.Tell(new ZabProtocol.RoleEnded(reason), Self);
    }

    private sealed record ConnectResult(Socket? Socket, string? Error);

    private static readonly TimeSpan LeaderConnectRetryDelay = TimeSpan.FromMilliseconds(100);

    private sealed class RetryConnect
    {
        public static readonly RetryConnect Instance = new();
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
