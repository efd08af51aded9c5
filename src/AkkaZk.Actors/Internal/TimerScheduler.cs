namespace AkkaZk.Actors.Internal;

/// <summary>
/// An actor's keyed timers. Used only during the actor's turn, so it needs no lock. Each start gets a new
/// generation; a message whose generation is no longer the key's current one (cancelled or replaced) is dropped
/// when it reaches the head of the mailbox, so a stale timer is never delivered.
/// </summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, (TimerMessage Message, ITimer Timer)> _timers = [];
    private int _generation;

    public void StartSingleTimer(object key, object msg, TimeSpan timeout) =>
        Start(key, msg, timeout, Timeout.InfiniteTimeSpan);

    public void StartPeriodicTimer(object key, object msg, TimeSpan interval) =>
        Start(key, msg, interval, interval);

    public void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval) =>
        Start(key, msg, initialDelay, interval);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var active))
        {
            active.Timer.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var active in _timers.Values)
        {
            active.Timer.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>True if the message belongs to the key's current timer; a single timer is then done.</summary>
    public bool TryAccept(TimerMessage message)
    {
        if (!_timers.TryGetValue(message.Key, out var active) || active.Message.Generation != message.Generation)
        {
            return false;
        }

        if (!message.Repeating)
        {
            _timers.Remove(message.Key);
            active.Timer.Dispose();
        }

        return true;
    }

    private void Start(object key, object msg, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(msg);
        if (period != Timeout.InfiniteTimeSpan && period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A periodic timer needs a positive interval");
        }

        Cancel(key);
        var message = new TimerMessage(key, msg, ++_generation, period != Timeout.InfiniteTimeSpan, cell.Self);
        var timer = cell.System.TimeProvider.CreateTimer(
            static state => ((TimerMessage)state!).Fire(),
            message,
            dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime,
            period);
        _timers[key] = (message, timer);
    }
}
