using AkkaZk.Actors;
using AkkaZk.Consensus;
using AkkaZk.Server.Configuration;
using AkkaZk.Server.Ensemble.Election;

namespace AkkaZk.Server.Ensemble;

/// <summary>
/// The host's election child: fast leader election over the election port, with the ensemble's members, quorum
/// config and fault hook. Tests may inject another election through <see cref="EnsembleSettings.ElectionProps"/>.
/// </summary>
public static class ElectionWiring
{
    public static Props Props(EnsembleSettings ensemble) =>
        ElectionActor.Props(new ElectionSettings(ensemble.MyId, Reachable(ensemble), ensemble.Config, new ElectionOptions(ReconfigEnabled: ensemble.ReconfigEnabled))
        {
            Faults = ensemble.Faults,
        });

    /// <summary>The members, plus this server's own address when a reconfig removed it (it still takes part, as a non-voter).</summary>
    public static IReadOnlyList<PeerAddress> Reachable(EnsembleSettings ensemble) =>
        ensemble.RemovedSelf is { } self ? [.. ensemble.Servers, self] : ensemble.Servers;
}
