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

    private protected override IReadOnlyList<ChildEntry> AffectedBy(ActorCell parent, ChildEntry failed) => [failed];
}
