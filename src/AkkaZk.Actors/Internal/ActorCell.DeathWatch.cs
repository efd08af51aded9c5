namespace AkkaZk.Actors.Internal;

internal sealed partial class ActorCell
{
    // Allocated on first use: most actors (sessions) never watch or get watched.
    private HashSet<IActorRef>? _watching;
    private HashSet<InternalActorRef>? _watchedBy;
    private HashSet<IActorRef>? _terminatedQueued;

    public IActorRef Watch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (ReferenceEquals(subject, _self) || subject is not InternalActorRef target)
        {
            return subject;
        }

        if ((_watching ??= []).Add(subject))
        {
            target.SendSystemMessage(new SystemMessages.Watch(target, _self));
        }

        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        _terminatedQueued?.Remove(subject);
        if (_watching is not null && _watching.Remove(subject) && subject is InternalActorRef target)
        {
            target.SendSystemMessage(new SystemMessages.Unwatch(target, _self));
        }

        return subject;
    }

    /// <summary>A Terminated put back by the stash must still be delivered.</summary>
    internal void RequeueTerminated(Terminated terminated) => (_terminatedQueued ??= []).Add(terminated.ActorRef);

    private void AddWatcher(InternalActorRef watcher)
    {
        if (!ReferenceEquals(watcher, _self))
        {
            (_watchedBy ??= []).Add(watcher);
        }
    }

    private void WatchedActorTerminated(IActorRef actor)
    {
        if (_watching is not null && _watching.Remove(actor) && !_terminating)
        {
            (_terminatedQueued ??= []).Add(actor);
            _self.Tell(new Terminated(actor), actor);
        }

        if (!RemoveChild(actor))
        {
            return;
        }

        if (_terminating)
        {
            if (!HasChildren())
            {
                FinishTerminate();
            }
        }
        else if (_recreateCause is { } cause && !HasStoppingChildren())
        {
            FinishRecreate(cause);
        }
    }

    private void NotifyWatchersOfDeath()
    {
        var notification = new SystemMessages.DeathWatchNotification(_self);
        bool parentNotified = false;
        if (_watchedBy is not null)
        {
            foreach (var watcher in _watchedBy)
            {
                watcher.SendSystemMessage(notification);
                parentNotified |= ReferenceEquals(watcher, _parent);
            }

            _watchedBy = null;
        }

        // The parent always hears of it, to free the child's name, but only once.
        if (!parentNotified)
        {
            _parent.SendSystemMessage(notification);
        }

        if (_watching is not null)
        {
            foreach (var watchee in _watching)
            {
                ((InternalActorRef)watchee).SendSystemMessage(new SystemMessages.Unwatch((InternalActorRef)watchee, _self));
            }

            _watching = null;
        }

        _terminatedQueued = null;
    }
}
