namespace AkkaZk.Actors.Internal;

internal sealed partial class ActorCell
{
    internal void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case SystemMessages.Create:
                    Create();
                    break;
                case SystemMessages.Terminate:
                    Terminate();
                    break;
                case SystemMessages.Watch watch:
                    AddWatcher(watch.Watcher);
                    break;
                case SystemMessages.Unwatch unwatch:
                    _watchedBy?.Remove(unwatch.Watcher);
                    break;
                case SystemMessages.DeathWatchNotification notification:
                    WatchedActorTerminated(notification.Actor);
                    break;
                case SystemMessages.Failed failed:
                    HandleChildFailure(failed.Child, failed.Cause);
                    break;
                case SystemMessages.Recreate recreate:
                    FaultRecreate(recreate.Cause);
                    break;
                case SystemMessages.Suspend:
                    _suspendCount++;
                    TellChildren(SystemMessages.Suspend.Instance);
                    break;
                case SystemMessages.Resume resume:
                    Resume(resume.CausedByFailure);
                    break;
                case SystemMessages.AsyncContinuation continuation:
                    RunContinuation(continuation);
                    break;
                case SystemMessages.AsyncCompleted completed:
                    AsyncCompleted(completed);
                    break;
            }
        }
        catch (Exception ex)
        {
            HandleFailure(ex);
        }
    }

    /// <summary>A system message that reached the actor after it died: only a watcher needs an answer.</summary>
    internal void SystemInvokeAfterDeath(SystemMessage message)
    {
        if (message is SystemMessages.Watch watch)
        {
            watch.Watcher.SendSystemMessage(new SystemMessages.DeathWatchNotification(_self));
        }
    }
}
