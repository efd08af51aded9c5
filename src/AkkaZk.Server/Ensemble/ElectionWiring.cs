using AkkaZk.Actors;
using AkkaZk.Consensus;
using AkkaZk.Server.Ensemble.Election;

namespace AkkaZk.Server.Ensemble;

/// <summary>
/// The host's election child: fast leader election over the election port, with the ensemble's members, quorum
/// config and fault hook. Tests may inject another election through <see cref="EnsembleSettings.ElectionProps"/>.
/// </summary>
public static class ElectionWiring
{
    public static Props Props(EnsembleSettings ensemble) =>
        ElectionActor.Props(new ElectionSettings(ensemble.MyId, ensemble.Servers, ensemble.Config, new ElectionOptions())
        {
            Faults = ensemble.Faults,
        });
}
