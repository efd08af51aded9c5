using AkkaZk.Actors.Internal;

namespace AkkaZk.Actors;

/// <summary>
/// The base of all actors. An instance is created only through <see cref="Props"/> by ActorOf, and a restart
/// replaces it with a fresh one; the kernel calls it one message at a time.
/// </summary>
public abstract class ActorBase
{
    private SupervisorStrategy? _supervisorStrategy;

    protected ActorBase()
    {
        Cell = ActorCell.Creating
            ?? throw new ActorInitializationException(null, $"{GetType().Name} must be created by ActorOf through Props, not with 'new'");
    }

    /// <summary>The context of the actor whose turn runs on this thread.</summary>
    protected static IActorContext Context =>
        ActorCell.Current
        ?? throw new NotSupportedException(
            "There is no active actor context: Context is valid only while an actor processes a message or runs a lifecycle hook " +
            "(an await with ConfigureAwait(false) leaves it)");

    /// <summary>This actor's reference; unlike <see cref="Sender"/> it stays valid in callbacks outside the actor's turn.</summary>
    protected IActorRef Self => Cell.Self;

    /// <summary>The sender of the message being processed; dead letters if it had none.</summary>
    protected IActorRef Sender => Cell.Sender;

    internal ActorCell Cell { get; }

    internal SupervisorStrategy SupervisorStrategyInternal => _supervisorStrategy ??= SupervisorStrategy();

    /// <summary>Handles a message; returns false to pass it to <see cref="Unhandled"/>.</summary>
    protected abstract bool Receive(object message);

    protected virtual void PreStart()
    {
    }

    protected virtual void PostStop()
    {
    }

    /// <summary>Runs on the failed instance before it is replaced; by default it stops all children and calls PostStop.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.GetChildren())
        {
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Runs on the new instance after a restart; by default it calls PreStart.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>How this actor handles its children's failures: by default, one-for-one restart.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.DefaultStrategy;

    /// <summary>A message no handler took: logged at debug, except an unhandled Terminated, which is a death pact.</summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        Cell.LogUnhandled(message);
    }

    internal void AroundReceive(object message)
    {
        if (!Receive(message))
        {
            Unhandled(message);
        }
    }

    internal void AroundPreStart() => PreStart();

    internal void AroundPostStop() => PostStop();

    internal void AroundPreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void AroundPostRestart(Exception reason) => PostRestart(reason);

    /// <summary>Called once the constructor has run; Props may override the strategy for the children.</summary>
    internal virtual void OnConstructed(SupervisorStrategy? strategyFromProps)
    {
        if (strategyFromProps is not null)
        {
            _supervisorStrategy = strategyFromProps;
        }
    }
}
