namespace AkkaZk.Actors;

/// <summary>Thrown when a watcher leaves a <see cref="Terminated"/> unhandled: watching without handling is a death pact.</summary>
public sealed class DeathPactException(IActorRef deadActor)
    : AkkaException($"Monitored actor [{deadActor.Path}] terminated")
{
    public IActorRef DeadActor { get; } = deadActor;
}
