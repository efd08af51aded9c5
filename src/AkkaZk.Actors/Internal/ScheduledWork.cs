namespace AkkaZk.Actors.Internal;

/// <summary>One scheduled action; it forgets itself from the scheduler once done or cancelled.</summary>
internal sealed class ScheduledWork : ICancelable, IDisposable
{
    private readonly Action _action;
    private readonly bool _repeating;
    private readonly TimeProviderScheduler _owner;
    private ITimer? _timer;
    private volatile bool _cancelled;

    public ScheduledWork(TimeProviderScheduler owner, Action action, bool repeating)
    {
        _owner = owner;
        _action = action;
        _repeating = repeating;
    }

    public bool IsCancellationRequested => _cancelled;

    public void Start(TimeProvider time, TimeSpan dueTime, TimeSpan period)
    {
        var timer = time.CreateTimer(static state => ((ScheduledWork)state!).Fire(), this, dueTime, period);
        Interlocked.Exchange(ref _timer, timer);

        // Cancelled before the timer existed: nothing else will dispose it.
        if (_cancelled)
        {
            timer.Dispose();
        }
    }

    public void Cancel()
    {
        _cancelled = true;
        Release();
    }

    public void Dispose() => Cancel();

    private void Fire()
    {
        if (_cancelled)
        {
            return;
        }

        if (!_repeating)
        {
            Release();
        }

        _action();
    }

    private void Release()
    {
        Volatile.Read(ref _timer)?.Dispose();
        _owner.Forget(this);
    }
}
