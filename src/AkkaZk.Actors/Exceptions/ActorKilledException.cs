namespace AkkaZk.Actors;

/// <summary>Thrown inside an actor that received <see cref="Kill"/>; the default strategy stops it.</summary>
public sealed class ActorKilledException(string message) : AkkaException(message);
