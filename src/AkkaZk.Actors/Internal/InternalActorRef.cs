namespace AkkaZk.Actors.Internal;

/// <summary>Every reference the kernel hands out: besides user messages it can take system messages.</summary>
internal abstract class InternalActorRef : IActorRef
{
    public abstract ActorPath Path { get; }

    /// <summary>The system this reference belongs to; null for <see cref="ActorRefs.Nobody"/>.</summary>
    public abstract ActorSystem? System { get; }

    public abstract void Tell(object message, IActorRef? sender);

    public abstract void SendSystemMessage(SystemMessage message);

    public override string ToString() => $"[{Path}]";
}
