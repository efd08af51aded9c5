using System.Net.Sockets;
using AkkaZk.Actors;
using AkkaZk.Jute.Quorum;
using AkkaZk.Server.Ensemble.Quorum;
using AkkaZk.Server.Network;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Ensemble.Zab;

/// <summary>
/// The leader's side of one learner connection (ZooKeeper's LearnerHandler without the protocol logic, which is in
/// LeaderCore): owns the socket, reads packets, learns the learner's sid from FOLLOWERINFO/OBSERVERINFO, and
/// writes what the leader sends in mailbox (FIFO) order. A SNAP holds later packets back until the tree's
/// snapshot arrives, so the stream reads SNAP, snapshot, then the rest. Every packet passes LinkFaults.
/// </summary>
public sealed class LearnerHandlerActor : ReceiveActor
{
    private readonly EnsembleSettings _settings;
    private readonly QuorumFlush _flush = new();
    private readonly IActorRef _leader;
    private readonly QuorumSocket _socket;
    private readonly QuorumPacketReader _reader;
    private readonly List<QuorumPacket> _heldBack = [];
    private QuorumPacket? _snapPending;
    private long? _sid;

    public LearnerHandlerActor(Socket socket, EnsembleSettings settings, IActorRef leader)
    {
        _settings = settings;
        _leader = leader;
        _socket = new QuorumSocket(socket);
        _reader = new QuorumPacketReader(socket, Self, settings.JuteMaxBuffer);
        Receive<QuorumLink.PacketReceived>(m => Received(m.Packet));
        Receive<QuorumLink.Closed>(m => Lost(m.Reason, m.BadInput));
        Receive<Send>(m => Write(m.Packets));
        Receive<QuorumFlush.Due>(_ => FlushOrLose());
        Receive<ZabProtocol.SnapshotBody>(m => WriteSnapshot(m.Body));
    }

    public static Props Props(Socket socket, EnsembleSettings settings, IActorRef leader) =>
        Actors.Props.Create(() => new LearnerHandlerActor(socket, settings, leader));

    protected override void PreStart()
    {
        _socket.Socket.NoDelay = true;
        _ = Task.Run(_reader.RunAsync);
    }

    protected override void PostStop()
    {
        _reader.Stop();
        _socket.Dispose();
    }

    private bool Blackholed => _sid is { } sid && _settings.Faults.IsBlackholed(_settings.MyId, sid);

    private void Received(QuorumPacket packet)
    {
        if (_sid is null)
        {
            if (packet.Type is not (QuorumPacketType.FollowerInfo or QuorumPacketType.ObserverInfo)
                || LearnerInfo.Parse(packet.Data) is not { } info)
            {
                Lost($"first packet was {QuorumPacketType.Name(packet.Type)}, not FOLLOWERINFO or OBSERVERINFO", badInput: true);
                return;
            }
            _sid = info.ServerId;
            if (Blackholed) { _sid = null; return; }
            _leader.Tell(new Identified(info.ServerId), Self);
        }
        if (Blackholed) return;
        _leader.Tell(new FromLearner(_sid.Value, packet), Self);
    }

    private void Write(IReadOnlyList<QuorumPacket> packets)
    {
        if (Blackholed) return;
        foreach (var packet in packets)
        {
            if (_snapPending is not null) { _heldBack.Add(packet); continue; }
            if (packet.Type == QuorumPacketType.Snap)
            {
                _snapPending = packet;
                continue;
            }
            _socket.Add(packet);
        }
        _flush.Schedule(Self);
    }

    private void WriteSnapshot(byte[] body)
    {
        if (_snapPending is not { } snap) return;
        _snapPending = null;
        _socket.AddSnapshot(snap, body);
        Context.Log.LogInformation("Node {Id}: sent a snapshot of {Bytes} bytes as of {Zxid} to learner {Sid}",
            _settings.MyId, body.Length, ZxidUtils.ToHex(snap.Zxid), _sid);
        var rest = _heldBack.ToList();
        _heldBack.Clear();
        Write(rest);
    }

    private void FlushOrLose()
    {
        _flush.Flushing();
        try
        {
            _socket.Flush();
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
            Lost($"write failed: {ex.Message}");
        }
    }

    private void Lost(string reason, bool badInput = false)
    {
        var remote = SocketPeer.Describe(_socket.Socket);
        Context.Log.Log(badInput ? LogLevel.Warning : LogLevel.Information, "Node {Id}: learner {Sid} ({Remote}) lost: {Reason}",
            _settings.MyId, _sid?.ToString() ?? "(unidentified)", remote, reason);
        Context.Stop(Self);
    }

    /// <summary>Leader → handler: packets for this learner, in order.</summary>
    public sealed record Send(IReadOnlyList<QuorumPacket> Packets);

    /// <summary>Handler → leader: the connection belongs to learner <paramref name="Sid"/>.</summary>
    public sealed record Identified(long Sid);

    public sealed record FromLearner(long Sid, QuorumPacket Packet);
}
