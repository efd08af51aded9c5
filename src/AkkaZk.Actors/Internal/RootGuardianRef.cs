using Microsoft.Extensions.Logging;

namespace AkkaZk.Actors.Internal;

/// <summary>The parent of the user guardian: when the guardian dies, the system has terminated.</summary>
internal sealed class RootGuardianRef(ActorSystem system, ActorPath path, ILogger log, Action onGuardianTerminated)
    : InternalActorRef
{
    public override ActorPath Path { get; } = path;

    public override ActorSystem? System => system;

    public override void Tell(object message, IActorRef? sender) =>
        system.DeadLetterSink.Publish(new DeadLetter(message, sender, this));

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case SystemMessages.Failed failed:
                KernelLog.GuardianFailed(log, failed.Cause, system.Name);
                ((InternalActorRef)failed.Child).SendSystemMessage(SystemMessages.Terminate.Instance);
                break;
            case SystemMessages.DeathWatchNotification:
                onGuardianTerminated();
                break;
        }
    }
}
