namespace AkkaZk.Actors;

public static class PipeToSupport
{
    /// <summary>
    /// Sends the task's result to <paramref name="recipient"/> when it completes, or a <see cref="Status.Failure"/>
    /// if it faults; the mappings let the actor receive its own message types instead.
    /// </summary>
    public static async Task PipeTo<T>(
        this Task<T> task,
        IActorRef recipient,
        IActorRef? sender = null,
        Func<T, object>? success = null,
        Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        object message;
        try
        {
            var result = await task.ConfigureAwait(false);
            message = success is null ? result! : success(result);
        }
        catch (Exception ex)
        {
            message = failure is null ? new Status.Failure(ex) : failure(ex);
        }

        recipient.Tell(message, sender);
    }

    /// <summary>For a task without a result: sends <paramref name="success"/>'s message, if any, or a failure.</summary>
    public static async Task PipeTo(
        this Task task,
        IActorRef recipient,
        IActorRef? sender = null,
        Func<object>? success = null,
        Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        object? message;
        try
        {
            await task.ConfigureAwait(false);
            message = success?.Invoke();
        }
        catch (Exception ex)
        {
            message = failure is null ? new Status.Failure(ex) : failure(ex);
        }

        if (message is not null)
        {
            recipient.Tell(message, sender);
        }
    }
}
