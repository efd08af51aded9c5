namespace AkkaZk.Actors.Internal;

/// <summary>A user message and its sender as queued in a mailbox; a struct so that queuing allocates nothing per message.</summary>
internal readonly struct Envelope(object message, IActorRef? sender)
{
    public object Message { get; } = message;

    public IActorRef? Sender { get; } = sender;

    /// <summary>True for <c>default</c>, i.e. outside the processing of a message.</summary>
    public bool IsEmpty => Message is null;
}
