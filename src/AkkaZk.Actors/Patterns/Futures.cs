using AkkaZk.Actors.Internal;

namespace AkkaZk.Actors;

public static class Futures
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary reference as sender and completes with the first reply:
    /// a <see cref="Status.Failure"/> reply faults the task with its cause; no reply in time faults it with
    /// <see cref="AskTimeoutException"/>.
    /// </summary>
    public static Task<object> Ask(this IActorRef actor, object message, TimeSpan timeout) =>
        actor.Ask<object>(message, timeout);

    public static async Task<T> Ask<T>(this IActorRef actor, object message, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(message);
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "An Ask timeout must be positive");
        }

        var system = (actor as InternalActorRef)?.System
            ?? throw new ArgumentException($"Cannot ask {actor}: it belongs to no actor system", nameof(actor));
        var promise = new PromiseActorRef(system, system.NewTempPath());
        using var timer = timeout == Timeout.InfiniteTimeSpan
            ? null
            : system.SchedulerImpl.ScheduleOnce(timeout, () => promise.Fail(new AskTimeoutException(
                $"Ask timed out on [{actor.Path}] after {timeout.TotalMilliseconds:0} ms; message was {TypeNames.Of(message)}")));
        actor.Tell(message, promise);
        var reply = await promise.Reply.ConfigureAwait(false);
        return reply is T typed
            ? typed
            : throw new InvalidCastException($"Ask of [{actor.Path}] expected a reply of type {TypeNames.Of(typeof(T))} but got {TypeNames.Of(reply)}");
    }
}
