using AkkaZk.Actors.Internal;

namespace AkkaZk.Actors;

/// <summary>
/// An actor that declares typed handlers in its constructor (or inside Become); the first matching handler
/// takes a message. Behaviours form a stack: Become replaces the top, BecomeStacked pushes, UnbecomeStacked pops.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly Stack<ReceiveHandlers> _behaviors = new();
    private ReceiveHandlers _current;

    // The behaviour being declared: the initial one during the constructor, or the one inside Become.
    private ReceiveHandlers? _configuring;

    protected ReceiveActor()
    {
        _current = new ReceiveHandlers();
        _configuring = _current;
        _behaviors.Push(_current);
    }

    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(message =>
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                handler(typed);
                return true;
            }

            return false;
        });
    }

    /// <summary>A handler that may decline a message by returning false; the next handler then gets it.</summary>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(message => message is T typed && handler(typed));
    }

    /// <summary>
    /// An async handler. The actor takes no other user message until the task completes; awaits inside it resume
    /// as part of the actor, so Self, Sender and Context stay valid. A fault goes to the supervisor.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(message =>
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                Cell.RunTask(() => handler(typed));
                return true;
            }

            return false;
        });
    }

    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(message =>
        {
            handler(message);
            return true;
        });
    }

    protected void ReceiveAnyAsync(Func<object, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(message =>
        {
            Cell.RunTask(() => handler(message));
            return true;
        });
    }

    /// <summary>Replaces the current behaviour with the handlers that <paramref name="configure"/> declares.</summary>
    protected void Become(Action configure)
    {
        var behavior = Declare(configure);
        _behaviors.Pop();
        _behaviors.Push(behavior);
        _current = behavior;
    }

    /// <summary>Pushes a behaviour; <see cref="UnbecomeStacked"/> returns to the one below.</summary>
    protected void BecomeStacked(Action configure)
    {
        var behavior = Declare(configure);
        _behaviors.Push(behavior);
        _current = behavior;
    }

    protected void UnbecomeStacked()
    {
        if (_behaviors.Count > 1)
        {
            _behaviors.Pop();
            _current = _behaviors.Peek();
        }
    }

    protected sealed override bool Receive(object message) => _current.TryHandle(message);

    internal override void OnConstructed(SupervisorStrategy? strategyFromProps)
    {
        base.OnConstructed(strategyFromProps);
        _configuring = null;
    }

    private ReceiveHandlers Declare(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _configuring;
        var behavior = new ReceiveHandlers();
        _configuring = behavior;
        try
        {
            configure();
        }
        finally
        {
            _configuring = previous;
        }

        return behavior;
    }

    private ReceiveHandlers Configuring() =>
        _configuring
        ?? throw new InvalidOperationException("Receive handlers may be declared only in the constructor or inside Become/BecomeStacked");
}
