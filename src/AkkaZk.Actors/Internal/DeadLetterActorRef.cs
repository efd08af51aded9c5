using Microsoft.Extensions.Logging;

namespace AkkaZk.Actors.Internal;

/// <summary>Where undeliverable messages end: each one is logged as a single line.</summary>
internal sealed class DeadLetterActorRef(ActorSystem system, ActorPath path, ILogger log) : MinimalActorRef
{
    public override ActorPath Path { get; } = path;

    public override ActorSystem? System => system;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Publish(message as DeadLetter ?? new DeadLetter(message, sender, this));
    }

    public void Publish(DeadLetter letter)
    {
        if (letter.Message is SystemMessage)
        {
            return;
        }

        KernelLog.DeadLetter(
            log,
            TypeNames.Of(letter.Message),
            letter.Sender?.Path.ToString() ?? "NoSender",
            letter.Recipient.Path.ToString());
    }
}
