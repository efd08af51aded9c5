using AkkaZk.Actors;
using AkkaZk.Server.Configuration;

namespace AkkaZk.Server.Ensemble;

/// <summary>
/// SEAM (coordinator): the host's election child. Point <see cref="Props"/> at the real ElectionActor (fast leader
/// election over the election port) when merging; until then an ensemble node started by the host fails at once.
/// Tests inject their own election Props through <see cref="EnsembleSettings.ElectionProps"/>.
/// </summary>
public static class ElectionWiring
{
    public static Props Props(ServerSettings settings) =>
        throw new NotSupportedException($"ensemble election not wired (server {settings.ServerId})");
}
