using AkkaZk.Actors.Internal;

namespace AkkaZk.Actors;

/// <summary>
/// How a parent handles its children's failures. <c>maxNrOfRetries</c> restarts are allowed per child within
/// <c>withinTimeRange</c> (-1: unlimited; no range: in total); one more stops the child.
/// </summary>
public abstract class SupervisorStrategy
{
    private protected SupervisorStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        MaxNumberOfRetries = maxNrOfRetries ?? -1;
        WithinTimeRange = withinTimeRange ?? Timeout.InfiniteTimeSpan;
        Decider = decider;
    }

    /// <summary>One-for-one, unlimited restarts, with <see cref="DefaultDecider"/>.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops any child that fails.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(_ => Directive.Stop);

    public int MaxNumberOfRetries { get; }

    public TimeSpan WithinTimeRange { get; }

    public Func<Exception, Directive> Decider { get; }

    /// <summary>
    /// Restart on any exception, except that a failure to create the actor, a Kill and a death pact stop it, as in
    /// Akka.NET: restarting a constructor that throws would only loop.
    /// </summary>
    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException or ActorKilledException or DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>Applies the decision to the failed child (and its siblings, for all-for-one); false means escalate.</summary>
    internal abstract bool Handle(ActorCell parent, ChildEntry failed, Exception cause);
}
