using AkkaZk.Actors;
using AkkaZk.Server.FourLetterWords;
using AkkaZk.Server.Network;
using AkkaZk.Server.Stats;
using AkkaZk.Server.Tree;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Peer;

/// <summary>
/// The root of one server. In standalone mode it leads an ensemble of one: it starts the DataTreeActor, and once
/// the tree is recovered, the client port. A failure of the tree or of the client port is fatal to the node
/// (as ZooKeeper halts on a txn-log failure): it is logged and the host is asked to stop. In ensemble mode (see
/// PeerActor.Ensemble.cs) it also runs the election and the ZAB role, and serves clients only while a role is established.
/// </summary>
public sealed partial class PeerActor : ReceiveActor, IWithTimers
{
    private readonly NodeSettings _settings;
    private readonly ServerStats _stats;
    private readonly ConnectionRegistry _registry;
    private readonly Action<string> _onFatal;
    private readonly TaskCompletionSource<int> _serving;
    private IActorRef _tree = ActorRefs.Nobody;
    private IActorRef _ingress = ActorRefs.Nobody;
    private FourLetterWordService? _fourLetterWords;
    private readonly TraceMask _traceMask = new();
    private bool _isServing;
    private bool _awaitingPort;
    private string _mode = "standalone";
    private int _boundPort;

    public PeerActor(NodeSettings settings, ServerStats stats, ConnectionRegistry registry, Action<string> onFatal, TaskCompletionSource<int> serving)
    {
        _settings = settings;
        _stats = stats;
        _registry = registry;
        _onFatal = onFatal;
        _serving = serving;
        Receive<TreeProtocol.TreeRecovered>(m =>
        {
            if (_settings.Ensemble is null) OnTreeRecovered(m);
            else StartLooking(m);
        });
        EnsembleHandlers();
        Receive<int>(port =>
        {
            if (!Sender.Equals(_ingress) || !_awaitingPort) return; // the node stopped serving since it asked
            _awaitingPort = false;
            _isServing = true;
            _boundPort = port;
            Context.Log.LogInformation("Node {Id}: role {Mode}, serving clients on port {Port}", _settings.ServerId, _mode, port);
            _serving.TrySetResult(port);
        });
        Receive<Terminated>(m =>
        {
            if (_settings.Ensemble is not null && EnsembleTerminated(m.ActorRef)) return;
            var what = m.ActorRef.Equals(_tree) ? "data tree" : m.ActorRef.Equals(_ingress) ? "client port" : m.ActorRef.Path.Name;
            Context.Log.LogCritical("Node {Id}: the {What} stopped after a failure; shutting down", _settings.ServerId, what);
            _serving.TrySetException(new InvalidOperationException($"the {what} failed"));
            _onFatal($"the {what} failed");
        });
        Receive<PeerProtocol.GetStatus>(_ => Sender.Tell(new PeerProtocol.Status(_isServing, _mode, _isServing ? _boundPort : 0), Self));
        Receive<PeerProtocol.GetCommands>(_ => Sender.Tell(new PeerProtocol.Commands(_isServing ? _fourLetterWords : null), Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(NodeSettings settings, ServerStats stats, ConnectionRegistry registry, Action<string> onFatal, TaskCompletionSource<int> serving) =>
        Actors.Props.Create(() => new PeerActor(settings, stats, registry, onFatal, serving));

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(0, TimeSpan.Zero, ex =>
        {
            Context.Log.LogCritical(ex, "Node {Id}: unrecoverable failure: {Message}", _settings.ServerId, ex.Message);
            return Directive.Stop;
        });

    protected override void PreStart()
    {
        if (_settings.Ensemble is not null)
        {
            StartEnsemble();
            return;
        }
        Context.Log.LogInformation("Node {Id}: starting in standalone mode, data in {DataDir}", _settings.ServerId, _settings.Tree.Journal.DataDir);
        _tree = Context.ActorOf(DataTreeActor.Props(_settings.Tree), "tree");
        Context.Watch(_tree);
    }

    private void OnTreeRecovered(TreeProtocol.TreeRecovered m) => StartIngress();

    private void StartIngress()
    {
        _fourLetterWords = new FourLetterWordService(_tree, _stats, _registry, _settings.FourLetterWords, _mode, traceMask: _traceMask);
        _ingress = Context.ActorOf(TcpIngressActor.Props(_settings.Ingress, _tree, _settings.Session, _stats, _registry, _fourLetterWords), "ingress");
        Context.Watch(_ingress);
        AskBoundPort();
    }

    private void AskBoundPort()
    {
        _awaitingPort = true;
        _ingress.Tell(new TcpIngressActor.GetBoundPort(), Self);
    }
}
