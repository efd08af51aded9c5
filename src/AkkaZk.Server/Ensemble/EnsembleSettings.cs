using System.Globalization;
using System.Text;
using AkkaZk.Actors;
using AkkaZk.Actors.Remote;
using AkkaZk.Consensus;
using AkkaZk.Server.Configuration;

namespace AkkaZk.Server.Ensemble;

/// <summary>
/// What a replicated node needs beyond the standalone settings: its id, the members (zoo.cfg server.N lines), the
/// tick, ZAB limits, jute.maxbuffer for the quorum port, the election child's Props and the links' fault hook.
/// </summary>
public sealed record EnsembleSettings(long MyId, IReadOnlyList<PeerAddress> Servers, int TickMs, ZabOptions Zab,
    int JuteMaxBuffer, Func<EnsembleSettings, Props> ElectionProps)
{
    public LinkFaults Faults { get; init; } = LinkFaults.None;

    /// <summary>readonlymode.enabled: while looking, serve read-only clients (see TreeRole.ReadOnly).</summary>
    public bool ReadOnlyModeEnabled { get; init; }

    /// <summary>QuorumPeer: the read-only server starts after max(2 s, tickTime) of looking.</summary>
    public TimeSpan ReadOnlyDelay => TimeSpan.FromMilliseconds(Math.Max(2000, TickMs));

    public PeerAddress Me => Address(MyId);

    public bool IsObserver => Me.Role == PeerRole.Observer;

    /// <summary>The leader wakes every tickTime/2 (Leader.lead); the learners tick at the same rate.</summary>
    public TimeSpan HalfTick => TimeSpan.FromMilliseconds(Math.Max(1, TickMs / 2));

    public PeerAddress Address(long id) =>
        Servers.FirstOrDefault(s => s.Id == id) ?? throw new InvalidOperationException($"server {id} is not in the ensemble");

    public QuorumConfig Config => new(
        Servers.Where(s => s.IsParticipant).Select(s => s.Id),
        Servers.Where(s => !s.IsParticipant).Select(s => s.Id),
        ConfigString());

    /// <summary>QuorumMaj.toString for a static config (QUORUM 12): one server line each, then version=0.</summary>
    private string ConfigString()
    {
        var text = new StringBuilder();
        foreach (var s in Servers.OrderBy(s => s.Id))
        {
            var role = s.IsParticipant ? "participant" : "observer";
            text.Append(CultureInfo.InvariantCulture, $"server.{s.Id}={s.Host}:{s.QuorumPort}:{s.ElectionPort}:{role}\n");
        }
        return text.Append("version=0").ToString();
    }
}
