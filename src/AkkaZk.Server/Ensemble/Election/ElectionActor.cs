using System.Net.Sockets;
using AkkaZk.Actors;
using AkkaZk.Consensus;
using AkkaZk.Jute.Quorum;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Ensemble.Election;

/// <summary>
/// Fast leader election over the election port: a thin shell around <see cref="ElectionCore"/>. It feeds received
/// notifications and ticks into the core and sends what the core asks through <see cref="ElectionLinks"/>
/// (QuorumCnxManager's connections). When the core decides, the node that asked it to look (the PeerActor) gets
/// <see cref="ElectionProtocol.Decided"/>; the actor keeps answering LOOKING peers while the node has a role.
/// </summary>
public sealed class ElectionActor : ReceiveActor, IWithTimers
{
    private ElectionSettings _settings;
    private ElectionLinks _links = null!;
    private ElectionCore? _core;
    private IActorRef _owner = ActorRefs.Nobody;

    public ElectionActor(ElectionSettings settings)
    {
        _settings = settings;
        Receive<ElectionProtocol.StartLooking>(StartLooking);
        Receive<ElectionProtocol.EpochEstablished>(m => _core?.UpdateElectionVote(m.Epoch));
        Receive<ElectionProtocol.ConfigChanged>(m =>
        {
            _settings = _settings with { Servers = m.Servers, Config = m.Config };
            _links.Settings = _settings;
            _core?.Reconfigure(m.Config);
        });
        Receive<ElectionLinkMessages.Tick>(_ =>
        {
            if (_core is not null) Drain(_core.Tick());
            _links.Maintain();
        });
        Receive<ElectionLinkMessages.NotificationReceived>(m =>
        {
            if (_settings.Faults.IsBlackholed(m.Sid, _settings.MyId)) return;
            // Before the node first looks there is no round to take part in (QuorumPeer starts the election first).
            if (_core is not null) Drain(_core.Step(m.Sid, m.Notification));
        });
        Receive<ElectionLinkMessages.InboundHandshake>(m => _links.Accepted(m.Socket, m.Initial, m.Leftover));
        Receive<ElectionLinkMessages.OutboundConnected>(m => _links.Connected(m.Sid, m.Socket, m.Error));
        Receive<ElectionLinkMessages.ConnectionClosed>(m => _links.Closed(m.Sid, m.ConnectionId, m.Reason));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ElectionSettings settings) => Actors.Props.Create(() => new ElectionActor(settings));

    protected override void PreStart()
    {
        _links = new ElectionLinks(_settings, Self, Context.Log);
        _links.Listen();
        Context.Log.LogInformation("Node {Id}: election port listening on {Address}", _settings.MyId, _settings.MyElectionAddress);
        Timers.StartPeriodicTimer("tick", ElectionLinkMessages.Tick.Instance, TimeSpan.FromMilliseconds(_settings.Options.TickMillis));
    }

    protected override void PostStop() => _links?.Dispose();

    private void StartLooking(ElectionProtocol.StartLooking m)
    {
        _owner = Sender;
        _core ??= new ElectionCore(_settings.MyId, _settings.Config, _settings.Options, m.LastLoggedZxid, m.CurrentEpoch);
        var ready = _core.StartLooking(m.LastLoggedZxid, m.CurrentEpoch);
        Context.Log.LogInformation("Node {Id}: LOOKING, election round {Round}, last logged zxid {Zxid}, current epoch {Epoch}",
            _settings.MyId, _core.LogicalClock, ZxidUtils.ToHex(m.LastLoggedZxid), m.CurrentEpoch);
        Drain(ready);
    }

    private void Drain(Ready<Notification> ready)
    {
        foreach (var activation in ready.Activate)
        {
            Context.Log.LogInformation("Node {Id}: a notification carried config version 0x{Version:x}; election restarted under it",
                _settings.MyId, activation.Config.Version);
            _owner.Tell(new ElectionProtocol.ConfigSeen(activation), Self);
        }
        foreach (var send in ready.Send) _links.Send(send.To, send.Message);
        if (ready.RoleChange is ElectionFinished finished)
        {
            Context.Log.LogInformation("Node {Id}: election over: {State}, leader {Leader}, epoch {Epoch}, zxid {Zxid}, round {Round}",
                _settings.MyId, finished.State, finished.Vote.Leader, finished.Vote.PeerEpoch, ZxidUtils.ToHex(finished.Vote.Zxid),
                finished.Vote.ElectionEpoch);
            _owner.Tell(new ElectionProtocol.Decided(finished.State, finished.Vote), Self);
        }
    }
}
