using AkkaZk.Actors.Remote;
using AkkaZk.Consensus;
using AkkaZk.Server.Configuration;

namespace AkkaZk.Server.Ensemble.Election;

/// <summary>
/// What the ElectionActor needs: this server's id, the members (with their election ports), the quorum config whose
/// string goes into every notification, the core's timing, and the links' fault hook.
/// </summary>
public sealed record ElectionSettings(long MyId, IReadOnlyList<PeerAddress> Servers, QuorumConfig Config, ElectionOptions Options)
{
    /// <summary>QuorumCnxManager's connect timeout (cnxTimeout, 5 s).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>First and longest wait between connection attempts to one peer.</summary>
    public TimeSpan MinReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(5);

    public LinkFaults Faults { get; init; } = LinkFaults.None;

    public PeerAddress Me => Servers.FirstOrDefault(s => s.Id == MyId)
        ?? throw new InvalidOperationException($"server {MyId} is not in the ensemble");

    /// <summary>"host:port" of this server's election address, as sent in the initial message.</summary>
    public string MyElectionAddress => $"{Me.Host}:{Me.ElectionPort}";
}
