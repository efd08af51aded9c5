namespace AkkaZk.Actors.Internal;

/// <summary>The reference to an actor in this process. One instance per actor incarnation, so reference equality is identity.</summary>
internal sealed class LocalActorRef(ActorCell cell, ActorPath path) : InternalActorRef
{
    public ActorCell Cell { get; } = cell;

    public override ActorPath Path { get; } = path;

    public override ActorSystem? System => Cell.System;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Mailbox.Post(new Envelope(message, sender));
    }

    public override void SendSystemMessage(SystemMessage message) => Cell.Mailbox.PostSystem(message);
}
