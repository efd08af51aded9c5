namespace AkkaZk.Actors.Internal;

/// <summary>A reference with no actor behind it: to a watcher it is already dead.</summary>
internal abstract class MinimalActorRef : InternalActorRef
{
    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is SystemMessages.Watch watch)
        {
            watch.Watcher.SendSystemMessage(new SystemMessages.DeathWatchNotification(this));
        }
    }
}
