using System.Collections.Concurrent;
using AkkaZk.Actors;

namespace AkkaZk.TestKit.Internal;

/// <summary>The actor behind TestActor and each probe: it queues everything it gets for the test thread to expect.</summary>
internal sealed class QueueingActor(BlockingCollection<ReceivedMessage> queue) : ActorBase
{
    public sealed record WatchRequest(IActorRef Subject);

    public sealed record UnwatchRequest(IActorRef Subject);

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WatchRequest watch:
                Context.Watch(watch.Subject);
                break;
            case UnwatchRequest unwatch:
                Context.Unwatch(unwatch.Subject);
                break;
            default:
                queue.Add(new ReceivedMessage(message, Sender));
                break;
        }

        return true;
    }
}
