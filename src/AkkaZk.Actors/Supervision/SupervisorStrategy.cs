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
    internal bool Handle(ActorCell parent, ChildEntry failed, Exception cause)
    {
        var directive = Decider(cause);
        if (directive == Directive.Escalate) return false;

        var affected = AffectedBy(parent, failed);
        if (directive == Directive.Restart && !MayRestart(affected)) directive = Directive.Stop;

        parent.LogChildFailure(failed, cause, directive);
        switch (directive)
        {
            case Directive.Resume:
                // Only the failed child was suspended, so only it resumes.
                parent.ResumeChild(failed);
                break;
            case Directive.Restart:
                foreach (var child in affected) parent.RestartChild(child, cause);
                break;
            default:
                foreach (var child in affected) parent.StopChild(child);
                break;
        }

        return true;
    }

    /// <summary>The children a Restart or Stop applies to when <paramref name="failed"/> fails.</summary>
    private protected abstract IReadOnlyList<ChildEntry> AffectedBy(ActorCell parent, ChildEntry failed);

    private bool MayRestart(IReadOnlyList<ChildEntry> affected)
    {
        // Every affected child's count moves, as every one of them restarts.
        var allowed = true;
        foreach (var child in affected) allowed &= child.Stats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange);
        return allowed;
    }
}
