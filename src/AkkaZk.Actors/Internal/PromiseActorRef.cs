namespace AkkaZk.Actors.Internal;

/// <summary>The temporary sender of an Ask: the first reply completes the task; anything later is a dead letter.</summary>
internal sealed class PromiseActorRef(ActorSystem system, ActorPath path) : MinimalActorRef
{
    private readonly TaskCompletionSource<object> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override ActorPath Path { get; } = path;

    public override ActorSystem? System => system;

    public Task<object> Reply => _reply.Task;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        bool completed = message is Status.Failure failure
            ? _reply.TrySetException(failure.Cause)
            : _reply.TrySetResult(message);
        if (!completed)
        {
            system.DeadLetterSink.Publish(new DeadLetter(message, sender, this));
        }
    }

    public void Fail(Exception cause) => _reply.TrySetException(cause);
}
