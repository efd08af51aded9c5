using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>
/// FastLeaderElection.WorkerReceiver with reconfigEnabled: a LOOKING server that hears of a newer config adopts it
/// (QuorumPeer.processReconfig) and restarts its election under it; the notification that carried it is dropped.
/// </summary>
public sealed partial class ElectionCore
{
    private long _lastLoggedZxid;
    private long _currentEpoch;

    private QuorumConfig? NewerConfig(Notification n)
    {
        if (!_options.ReconfigEnabled || string.IsNullOrEmpty(n.Config)) return null;
        var config = QuorumConfig.Parse(n.Config);
        return config is not null && config.Version > Config.Version ? config : null;
    }

    private Ready<Notification> AdoptConfig(QuorumConfig config)
    {
        Config = config;
        return StartLooking(_lastLoggedZxid, _currentEpoch) with { Activate = [new ConfigActivation(config, null)] };
    }
}
