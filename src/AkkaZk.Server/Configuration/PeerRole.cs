namespace AkkaZk.Server.Configuration;

/// <summary>A server's part in the ensemble, as the optional fourth field of a zoo.cfg server line.</summary>
public enum PeerRole
{
    /// <summary>Votes in elections and in the quorum.</summary>
    Participant,

    /// <summary>Follows the leader without voting.</summary>
    Observer,
}
