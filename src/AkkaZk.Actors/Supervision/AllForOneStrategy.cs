using AkkaZk.Actors.Internal;

namespace AkkaZk.Actors;

/// <summary>Applies Restart and Stop to all children when one fails, for children that only make sense together.</summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    public AllForOneStrategy(Func<Exception, Directive> decider)
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

        var children = parent.ChildEntries();
        if (directive == Directive.Restart && !AllMayRestart(children))
        {
            directive = Directive.Stop;
        }

        parent.LogChildFailure(failed, cause, directive);
        switch (directive)
        {
            case Directive.Resume:
                // Only the failed child was suspended, so only it resumes.
                parent.ResumeChild(failed);
                break;
            case Directive.Restart:
                children.ForEach(child => parent.RestartChild(child, cause));
                break;
            default:
                children.ForEach(parent.StopChild);
                break;
        }

        return true;
    }

    private bool AllMayRestart(List<ChildEntry> children)
    {
        // Every child's count moves, as every child restarts.
        bool allowed = true;
        foreach (var child in children)
        {
            allowed &= child.Stats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange);
        }

        return allowed;
    }
}
