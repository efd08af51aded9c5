namespace AkkaZk.Server.Peer;

/// <summary>Messages of the PeerActor.</summary>
public static class PeerProtocol
{
    /// <summary>Asks whether the node serves clients; answered with <see cref="Status"/>.</summary>
    public sealed record GetStatus;

    public sealed record Status(bool Serving, string Mode, int ClientPort);

    /// <summary>Asks for the commands of the serving role (the AdminServer's source); answered with <see cref="Commands"/>.</summary>
    public sealed record GetCommands;

    /// <summary>The four-letter-word service of the serving role; null while the node does not serve.</summary>
    public sealed record Commands(FourLetterWords.FourLetterWordService? Service);

    /// <summary>Asks for the current ZAB role actor (Nobody while looking or standalone); answered with the IActorRef.</summary>
    public sealed record GetRole;
}
