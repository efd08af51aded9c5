using AkkaZk.Actors.Internal;

namespace AkkaZk.Actors;

/// <summary>Applies the directive to the failed child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    public OneForOneStrategy(Func<Exception, Directive> decider)
        : base(null, null, decider)
    {
    }

    internal override bool Handle(ActorCell parent, ChildEntry failed, Exception cause)
    {
        var directive = Decider(cause);
        if (directive == Directive.Escalate)
        {
            return false;
        }

        if (directive == Directive.Restart && !failed.Stats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange))
        {
            directive = Directive.Stop;
        }

        parent.LogChildFailure(failed, cause, directive);
        switch (directive)
        {
            case Directive.Resume:
                parent.ResumeChild(failed);
                break;
            case Directive.Restart:
                parent.RestartChild(failed, cause);
                break;
            default:
                parent.StopChild(failed);
                break;
        }

        return true;
    }
}
