namespace AkkaZk.Actors.Internal;

/// <summary>A child as its parent sees it. The name stays taken until the child has terminated, as in Akka.</summary>
internal sealed class ChildEntry(LocalActorRef actorRef)
{
    public LocalActorRef Ref { get; } = actorRef;

    /// <summary>Set when the parent asked it to stop; a restart waits for these to terminate before re-creating.</summary>
    public bool Stopping { get; set; }

    public ChildRestartStats Stats { get; } = new();
}
