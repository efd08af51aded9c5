namespace AkkaZk.Server.Admin;

/// <summary>Node facts the AdminServer's commands report that the four-letter words do not hold.</summary>
/// <param name="ConfigText">The configuration file as read at start-up (initial_configuration).</param>
/// <param name="Servers">"host:quorumPort:electionPort:role" by server id; empty for a standalone node (voting_view).</param>
public sealed record AdminContext(long ServerId, string ConfigText, string DataDir, IReadOnlyDictionary<long, string> Servers);
