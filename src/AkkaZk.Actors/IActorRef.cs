namespace AkkaZk.Actors;

/// <summary>A handle to an actor: the only way to talk to it is to send it a message.</summary>
public interface IActorRef
{
    ActorPath Path { get; }

    void Tell(object message, IActorRef? sender);
}
