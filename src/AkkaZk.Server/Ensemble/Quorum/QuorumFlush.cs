using AkkaZk.Actors;

namespace AkkaZk.Server.Ensemble.Quorum;

/// <summary>
/// One socket write per mailbox batch for the actor that owns a <see cref="QuorumSocket"/>: the first packet added
/// since the last flush has the owner send itself <see cref="Due"/>, so packets added by the messages already queued
/// go out in the same write. Under load one write then carries many proposals, commits or ACKs, where a write per
/// message woke the peer's reader for each.
/// </summary>
public sealed class QuorumFlush
{
    private bool _scheduled;

    /// <summary>Asks <paramref name="owner"/> to flush once its queued messages are in, unless it is asked already.</summary>
    public void Schedule(IActorRef owner)
    {
        if (_scheduled) return;
        _scheduled = true;
        owner.Tell(Due.Instance, owner);
    }

    /// <summary>The owner is flushing now: packets added from here on need a new <see cref="Schedule"/>.</summary>
    public void Flushing() => _scheduled = false;

    /// <summary>Owner → itself: write what has been added.</summary>
    public sealed class Due
    {
        public static readonly Due Instance = new();

        private Due()
        {
        }
    }
}
