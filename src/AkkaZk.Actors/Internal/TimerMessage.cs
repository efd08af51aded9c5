namespace AkkaZk.Actors.Internal;

/// <summary>What a timer puts in the mailbox; the actor gets <see cref="Message"/> only if the timer is still current.</summary>
internal sealed class TimerMessage(object key, object message, int generation, bool repeating, IActorRef target)
    : IAutoReceivedMessage
{
    public object Key { get; } = key;

    public object Message { get; } = message;

    public int Generation { get; } = generation;

    public bool Repeating { get; } = repeating;

    public void Fire() => target.Tell(this, ActorRefs.NoSender);
}
