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

    /// <summary>reconfigEnabled: dynamic reconfiguration (op 16 served by the leader, configs versioned and activated).</summary>
    public bool ReconfigEnabled { get; init; }

    /// <summary>The version of <see cref="Servers"/> (0 for a static config never versioned by a leader).</summary>
    public long ConfigVersion { get; init; }

    /// <summary>The zoo.cfg to rewrite when a config is activated (null: the config is kept in memory only).</summary>
    public string? ZooCfgPath { get; init; }

    /// <summary>This server's own address once a reconfig removed it: it keeps running as a non-voting follower.</summary>
    public PeerAddress? RemovedSelf { get; init; }

    /// <summary>readonlymode.enabled: while looking, serve read-only clients (see TreeRole.ReadOnly).</summary>
    public bool ReadOnlyModeEnabled { get; init; }

    /// <summary>QuorumPeer: the read-only server starts after max(2 s, tickTime) of looking.</summary>
    public TimeSpan ReadOnlyDelay => TimeSpan.FromMilliseconds(Math.Max(2000, TickMs));

    public PeerAddress Me => Servers.FirstOrDefault(s => s.Id == MyId) ?? RemovedSelf ?? Address(MyId);

    public bool IsObserver => Me.Role == PeerRole.Observer;

    /// <summary>The leader wakes every tickTime/2 (Leader.lead); the learners tick at the same rate.</summary>
    public TimeSpan HalfTick => TimeSpan.FromMilliseconds(Math.Max(1, TickMs / 2));

    public PeerAddress Address(long id) =>
        Servers.FirstOrDefault(s => s.Id == id) ?? throw new InvalidOperationException($"server {id} is not in the ensemble");

    public QuorumConfig Config => new(
        Servers.Where(s => s.IsParticipant).Select(s => s.Id),
        Servers.Where(s => !s.IsParticipant).Select(s => s.Id),
        DynamicConfig.Text(Servers, ConfigVersion), ConfigVersion);

    /// <summary>
    /// These settings under an activated config (QuorumPeer.setQuorumVerifier): its members and version; a server
    /// the config no longer names keeps its own address as a participant (updateLearnerType).
    /// </summary>
    public EnsembleSettings WithConfig(QuorumConfig config)
    {
        var servers = DynamicConfig.ParseServers(config.ConfigString);
        var removed = servers.Any(s => s.Id == MyId) ? null : Me with { Role = PeerRole.Participant };
        return this with { Servers = servers, ConfigVersion = config.Version, RemovedSelf = removed };
    }
}
