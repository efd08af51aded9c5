namespace AkkaZk.Actors;

/// <summary>Thrown by ActorOf for a malformed name or one already taken by a live sibling.</summary>
public sealed class InvalidActorNameException(string message) : AkkaException(message);
