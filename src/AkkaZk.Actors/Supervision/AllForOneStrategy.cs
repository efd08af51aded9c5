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

    private protected override IReadOnlyList<ChildEntry> AffectedBy(ActorCell parent, ChildEntry failed) => parent.ChildEntries();
}
