using AkkaZk.Hocon;

namespace AkkaZk.Server.Configuration;

/// <summary>
/// One server of the ensemble: zoo.cfg's <c>server.N=host:quorumPort:electionPort[:role][;[clientAddr:]clientPort]</c>.
/// </summary>
public sealed record PeerAddress(long Id, string Host, int QuorumPort, int ElectionPort, PeerRole Role = PeerRole.Participant,
    int? ClientPort = null, string? ClientAddress = null)
{
    public bool IsParticipant => Role == PeerRole.Participant;

    internal static PeerAddress FromConfig(Config server)
    {
        return new PeerAddress(
            server.GetLongAtLeast("id", 1),
            server.GetNonEmptyString("host"),
            server.GetPort("quorum-port"),
            server.GetPort("election-port"),
            ParseRole(server),
            server.HasPath("client-port") ? server.GetPort("client-port") : null,
            server.GetString("client-address", null));
    }

    private static PeerRole ParseRole(Config server) => server.GetString("role", "participant").ToLowerInvariant() switch
    {
        "participant" => PeerRole.Participant,
        "observer" => PeerRole.Observer,
        var other => throw server.ErrorAt("role", $"expected participant or observer but got \"{other}\""),
    };
}
