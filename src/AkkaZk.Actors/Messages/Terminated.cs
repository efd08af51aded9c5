using AkkaZk.Actors.Internal;

namespace AkkaZk.Actors;

/// <summary>Delivered to each watcher once the watched actor has stopped (or was already dead when watched).</summary>
public sealed record Terminated(IActorRef ActorRef) : IAutoReceivedMessage;
