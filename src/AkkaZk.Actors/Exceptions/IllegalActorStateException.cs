namespace AkkaZk.Actors;

/// <summary>An actor API was used where it makes no sense, e.g. stashing the same message twice.</summary>
public sealed class IllegalActorStateException(string message) : AkkaException(message);
