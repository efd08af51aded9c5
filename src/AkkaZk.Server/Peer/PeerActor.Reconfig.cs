using AkkaZk.Actors;
using AkkaZk.Consensus;
using AkkaZk.Server.Ensemble;
using AkkaZk.Server.FourLetterWords;
using AkkaZk.Server.Tree;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Peer;

// QuorumPeer.processReconfig: a newer config becomes this server's (written to disk, given to the election and to
// /zookeeper/config); a learner whose leader or learner type changed leaves its role and looks again.
public sealed partial class PeerActor
{
    private long _leaderId;

    private FourLetterWordSettings FourLetterWordsSettings =>
        _settings.Ensemble is null ? _settings.FourLetterWords : _settings.FourLetterWords with { QuorumConf = QuorumConf };

    /// <summary>QuorumZooKeeperServer.dumpConf, from the active config.</summary>
    private string QuorumConf() => StatusText.QuorumConf(Ensemble);

    private void ActivateConfig(ConfigActivation activation)
    {
        var previous = Ensemble;
        if (activation.Config.Version <= previous.ConfigVersion) return;
        var next = previous.WithConfig(activation.Config);
        _activeEnsemble = next;
        Context.Log.LogInformation("Node {Id}: config version 0x{Version:x} activated: {Members}", _settings.ServerId,
            next.ConfigVersion, string.Join(" ", next.Servers.Select(DynamicConfig.ServerLine)));
        PersistConfig(next);
        _election.Tell(new ElectionProtocol.ConfigChanged(ElectionWiring.Reachable(next), next.Config), Self);
        _tree.Tell(new TreeProtocol.InitConfig(next.Config.ConfigString, next.ConfigVersion), Self);
        // While looking there is no role to leave; the leader core decides itself (a removed leader stops committing
        // and steps down).
        if (_role.Equals(ActorRefs.Nobody) || _leaderId == _settings.ServerId) return;
        var leaderChange = activation.DesignatedLeader is { } designated ? designated != _leaderId : !next.Config.IsVoter(_leaderId);
        var roleChange = previous.IsObserver != next.IsObserver;
        if (leaderChange || roleChange)
            BackToLooking(leaderChange ? $"reconfig: leader is now {activation.DesignatedLeader?.ToString() ?? "unknown"}" : "reconfig: learner type changed");
    }

    /// <summary>QuorumPeer.setQuorumVerifier(qv, writeToDisk): zoo.cfg.dynamic.&lt;version&gt; and zoo.cfg's dynamicConfigFile.</summary>
    private void PersistConfig(EnsembleSettings ensemble)
    {
        if (ensemble.ZooCfgPath is not { } zooCfg) return;
        try
        {
            DynamicConfig.Persist(zooCfg, ensemble.Servers, ensemble.ConfigVersion);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // As ZooKeeper: logged, the config stays active in memory.
            Context.Log.LogError("Node {Id}: cannot write the dynamic config next to {File}: {Reason}", _settings.ServerId, zooCfg, e.Message);
        }
    }
}
