namespace AkkaZk.Actors;

/// <summary>An actor failed while being created or restarted; the default strategy stops it rather than loop.</summary>
public sealed class ActorInitializationException(IActorRef? actor, string message, Exception? cause = null)
    : AkkaException(message, cause)
{
    public IActorRef? Actor { get; } = actor;
}
