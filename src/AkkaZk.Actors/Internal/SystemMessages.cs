namespace AkkaZk.Actors.Internal;

/// <summary>The kernel's internal protocol between cells.</summary>
internal static class SystemMessages
{
    public sealed class Create : SystemMessage
    {
        public static readonly Create Instance = new();
    }

    public sealed class Terminate : SystemMessage
    {
        public static readonly Terminate Instance = new();
    }

    public sealed class Watch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
    {
        public InternalActorRef Watchee { get; } = watchee;

        public InternalActorRef Watcher { get; } = watcher;
    }

    public sealed class Unwatch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
    {
        public InternalActorRef Watchee { get; } = watchee;

        public InternalActorRef Watcher { get; } = watcher;
    }

    /// <summary>Tells a watcher (and the parent) that an actor has terminated.</summary>
    public sealed class DeathWatchNotification(IActorRef actor) : SystemMessage
    {
        public IActorRef Actor { get; } = actor;
    }

    /// <summary>A child tells its parent that it failed and is waiting for a directive.</summary>
    public sealed class Failed(IActorRef child, Exception cause) : SystemMessage
    {
        public IActorRef Child { get; } = child;

        public Exception Cause { get; } = cause;
    }

    public sealed class Recreate(Exception cause) : SystemMessage
    {
        public Exception Cause { get; } = cause;
    }

    /// <summary>Sent down the tree while an ancestor waits for its supervisor.</summary>
    public sealed class Suspend : SystemMessage
    {
        public static readonly Suspend Instance = new();
    }

    public sealed class Resume : SystemMessage
    {
        public static readonly Resume AfterFailure = new(causedByFailure: true);
        public static readonly Resume AfterSuspend = new(causedByFailure: false);

        private Resume(bool causedByFailure) => CausedByFailure = causedByFailure;

        /// <summary>True when the supervisor resumes the failed actor itself, false when an ancestor resumes.</summary>
        public bool CausedByFailure { get; }
    }

    /// <summary>A continuation of a ReceiveAsync handler, to run as part of the actor.</summary>
    public sealed class AsyncContinuation(ActorSynchronizationContext context, SendOrPostCallback callback, object? state)
        : SystemMessage
    {
        public ActorSynchronizationContext Context { get; } = context;

        public SendOrPostCallback Callback { get; } = callback;

        public object? State { get; } = state;
    }

    public sealed class AsyncCompleted(ActorSynchronizationContext context, Task task) : SystemMessage
    {
        public ActorSynchronizationContext Context { get; } = context;

        public Task Task { get; } = task;
    }
}
