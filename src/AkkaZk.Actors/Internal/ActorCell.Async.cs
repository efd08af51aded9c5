using System.Runtime.ExceptionServices;

namespace AkkaZk.Actors.Internal;

internal sealed partial class ActorCell
{
    private bool _awaitingAsync;
    private Envelope _asyncEnvelope;

    // Bumped when a failure, restart or stop abandons a running handler; its late continuations are then dropped.
    private int _asyncGeneration;

    internal int AsyncGeneration => _asyncGeneration;

    /// <summary>
    /// Runs an async handler as part of the actor: its awaits resume through the actor's mailbox, and user messages
    /// wait until the task has completed. A fault goes to the supervisor like a synchronous exception.
    /// </summary>
    internal void RunTask(Func<Task> action)
    {
        var context = new ActorSynchronizationContext(this, _asyncGeneration);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            ThrowIfUnsuccessful(task);
            return;
        }

        _awaitingAsync = true;
        _asyncEnvelope = _current;
        task.ContinueWith(
            static (t, state) => ((ActorSynchronizationContext)state!).Completed(t),
            context,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void RunContinuation(SystemMessages.AsyncContinuation continuation)
    {
        if (_terminating || continuation.Context.Generation != _asyncGeneration)
        {
            return;
        }

        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(continuation.Context);
        _current = _asyncEnvelope;
        try
        {
            continuation.Callback(continuation.State);
        }
        catch (Exception ex)
        {
            HandleFailure(ex);
        }
        finally
        {
            _current = default;
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void AsyncCompleted(SystemMessages.AsyncCompleted completed)
    {
        if (_terminating || !_awaitingAsync || completed.Context.Generation != _asyncGeneration)
        {
            return;
        }

        _awaitingAsync = false;
        _current = _asyncEnvelope;
        _asyncEnvelope = default;
        try
        {
            ThrowIfUnsuccessful(completed.Task);
        }
        catch (Exception ex)
        {
            HandleFailure(ex);
        }
        finally
        {
            _current = default;
        }
    }

    private void AbandonAsync()
    {
        _asyncGeneration++;
        _awaitingAsync = false;
        _asyncEnvelope = default;
    }

    private static void ThrowIfUnsuccessful(Task task)
    {
        if (task.IsFaulted)
        {
            var exception = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
            ExceptionDispatchInfo.Throw(exception);
        }

        if (task.IsCanceled)
        {
            throw new TaskCanceledException(task);
        }
    }
}
