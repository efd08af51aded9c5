using AkkaZk.Actors;
using AkkaZk.Jute.Quorum;
using AkkaZk.Server.Ensemble;
using AkkaZk.Server.Ensemble.Zab;
using AkkaZk.Server.FourLetterWords;
using AkkaZk.Server.Network;
using AkkaZk.Server.Tree;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Peer;

// Ensemble mode (QuorumPeer.run): recover the tree, look (election child), lead/follow/observe, serve clients only
// while the role is established; when the role ends, stop serving, rebuild the tree from disk and look again.
public sealed partial class PeerActor
{
    private IActorRef _election = ActorRefs.Nobody;
    private IActorRef _role = ActorRefs.Nobody;
    private IActorRef _retiringTree = ActorRefs.Nobody;
    private ZabProtocol.ZabStart? _zabStart;
    private int _generation;

    private EnsembleSettings? _activeEnsemble;

    /// <summary>The ensemble as last activated (a reconfig replaces the members and version of the started settings).</summary>
    private EnsembleSettings Ensemble => _activeEnsemble ?? _settings.Ensemble!;

    private void EnsembleHandlers()
    {
        Receive<ElectionProtocol.Decided>(OnDecided);
        Receive<ZabProtocol.RoleEstablished>(m =>
        {
            if (!Sender.Equals(_role)) return;
            _mode = m.Mode;
            Context.Log.LogInformation("Node {Id}: {Mode} in epoch {Epoch}, serving clients", _settings.ServerId, m.Mode, m.Epoch);
            _election.Tell(new ElectionProtocol.EpochEstablished(m.Epoch), Self);
            ServeClients();
        });
        Receive<ZabProtocol.RoleEnded>(m =>
        {
            if (Sender.Equals(_role)) BackToLooking(m.Reason);
        });
        Receive<PeerProtocol.GetRole>(_ => Sender.Tell(_role, Self));
        Receive<ZabProtocol.ConfigActivated>(m =>
        {
            if (Sender.Equals(_role)) ActivateConfig(m.Activation);
        });
        Receive<ElectionProtocol.ConfigSeen>(m =>
        {
            if (Sender.Equals(_election)) ActivateConfig(m.Activation);
        });
        Receive<ReadOnlyDue>(m =>
        {
            if (m.Generation == _generation && _zabStart is not null && _role.Equals(ActorRefs.Nobody) && _mode == "looking") EnterReadOnly();
        });
    }

    private void StartEnsemble()
    {
        Context.Log.LogInformation("Node {Id}: starting as a member of an ensemble of {Count}, data in {DataDir}",
            _settings.ServerId, Ensemble.Servers.Count, _settings.Tree.Journal.DataDir);
        _mode = "looking";
        StartTree();
    }

    private void StartTree()
    {
        _tree = Context.ActorOf(DataTreeActor.Props(_settings.Tree with { Ensemble = true }), $"tree-{++_generation}");
        Context.Watch(_tree);
    }

    private void StartLooking(TreeProtocol.TreeRecovered m)
    {
        _zabStart = m.Zab ?? throw new InvalidOperationException("the tree recovered without ZAB state");
        if (_election.Equals(ActorRefs.Nobody))
        {
            Props election;
            try
            {
                election = Ensemble.ElectionProps(Ensemble);
            }
            catch (NotSupportedException ex)
            {
                Context.Log.LogCritical("Node {Id}: cannot start the election: {Reason}", _settings.ServerId, ex.Message);
                _onFatal(ex.Message);
                return;
            }
            _election = Context.ActorOf(election, "election");
            Context.Watch(_election);
        }
        if (_ingress.Equals(ActorRefs.Nobody)) ListenNotServing();
        _tree.Tell(new TreeProtocol.InitConfig(Ensemble.Config.ConfigString, Ensemble.ConfigVersion), Self);
        _mode = "looking";
        Context.Log.LogInformation("Node {Id}: role looking, last logged zxid {Zxid}, current epoch {Epoch}",
            _settings.ServerId, ZxidUtils.ToHex(_zabStart.Log.LastLoggedZxid), _zabStart.Epochs.CurrentEpoch);
        _election.Tell(new ElectionProtocol.StartLooking(_zabStart.Log.LastLoggedZxid, _zabStart.Epochs.CurrentEpoch), Self);
        if (Ensemble.ReadOnlyModeEnabled) Timers.StartSingleTimer("read-only", new ReadOnlyDue(_generation), Ensemble.ReadOnlyDelay);
    }

    private void OnDecided(ElectionProtocol.Decided m)
    {
        if (_zabStart is null || !_role.Equals(ActorRefs.Nobody) || !_retiringTree.Equals(ActorRefs.Nobody)) return;
        Context.Log.LogInformation("Node {Id}: election decided {State}, leader {Leader}", _settings.ServerId, m.State, m.Vote.Leader);
        Props? props = m.State switch
        {
            ServerState.Leading => LeaderActor.Props(Ensemble, _zabStart, _tree),
            ServerState.Following or ServerState.Observing => FollowerActor.Props(Ensemble, m.Vote.Leader, _zabStart, _tree),
            _ => null,
        };
        if (props is null) return;
        _leaderId = m.Vote.Leader;
        LeaveReadOnly();
        _role = Context.ActorOf(props, $"role-{_generation}");
        Context.Watch(_role);
    }

    /// <summary>The role ended: stop serving and the role, rebuild the tree from durable storage, then look again.</summary>
    private void BackToLooking(string reason)
    {
        Context.Log.LogWarning("Node {Id}: role {Mode} ended ({Reason}); rebuilding the tree and looking again", _settings.ServerId, _mode, reason);
        _isServing = _awaitingPort = false;
        _mode = "looking";
        _zabStart = null;
        _ingress.Tell(new TcpIngressActor.StopServing(), Self);
        if (!_role.Equals(ActorRefs.Nobody))
        {
            Context.Unwatch(_role);
            Context.Stop(_role);
        }
        _role = ActorRefs.Nobody;
        // The tree is replaced once the old one (and its journal) has stopped, so the journal is never open twice.
        _retiringTree = _tree;
        Context.Stop(_tree);
    }

    /// <summary>
    /// As QuorumPeer.start: the client port opens once the database is loaded, before the election; until a role is
    /// established it answers as a server that is not running.
    /// </summary>
    private void ListenNotServing()
    {
        var notServing = new FourLetterWordService(_tree, _stats, _registry, FourLetterWordsSettings, "looking",
            traceMask: _traceMask, serving: false);
        _ingress = Context.ActorOf(TcpIngressActor.NotServingProps(_settings.Ingress, _stats, notServing), "ingress");
        Context.Watch(_ingress);
    }

    /// <summary>
    /// QuorumPeer with readonlymode.enabled: still looking after the delay, the member serves read-only clients
    /// from the tree it has until an election decides.
    /// </summary>
    private void EnterReadOnly()
    {
        _mode = FourLetterWordService.ReadOnlyMode;
        Context.Log.LogInformation("Node {Id}: role read-only (no quorum), serving read-only clients at zxid {Zxid}",
            _settings.ServerId, ZxidUtils.ToHex(_zabStart!.Log.LastLoggedZxid));
        _tree.Tell(new TreeProtocol.ServeReadOnly(), Self);
        ServeClients();
    }

    /// <summary>An election decided: read-only sessions end (their clients reconnect to a read-write server).</summary>
    private void LeaveReadOnly()
    {
        Timers.Cancel("read-only");
        if (_mode != FourLetterWordService.ReadOnlyMode) return;
        Context.Log.LogInformation("Node {Id}: read-only mode ends; closing read-only sessions", _settings.ServerId);
        _isServing = _awaitingPort = false;
        _mode = "looking";
        _ingress.Tell(new TcpIngressActor.StopServing(), Self);
        _tree.Tell(new TreeProtocol.StopReadOnly(), Self);
    }

    private void ServeClients()
    {
        _fourLetterWords = new FourLetterWordService(_tree, _stats, _registry, FourLetterWordsSettings, _mode,
            _mode == "leader" ? _role : null, _traceMask, quorum: QuorumStatus.Of(_mode, Ensemble.Config.Voters.Count, _leaderId));
        _ingress.Tell(new TcpIngressActor.Serve(_tree, _settings.Session, _registry, _fourLetterWords), Self);
        AskBoundPort();
    }

    /// <summary>Looking has lasted the read-only delay (for the tree generation it was started for).</summary>
    private sealed record ReadOnlyDue(int Generation);

    /// <summary>Terminations that are part of ensemble life; false for the fatal ones.</summary>
    private bool EnsembleTerminated(IActorRef stopped)
    {
        if (stopped.Equals(_retiringTree))
        {
            _retiringTree = ActorRefs.Nobody;
            StartTree();
            return true;
        }
        if (stopped.Equals(_role))
        {
            _role = ActorRefs.Nobody;
            BackToLooking("the role stopped after a failure");
            return true;
        }
        return false;
    }
}
