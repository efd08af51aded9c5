using System.Collections.Concurrent;

namespace AkkaZk.Actors.Internal;

/// <summary>The system's scheduler on top of <see cref="TimeProvider"/> timers; everything pending is cancelled at termination.</summary>
internal sealed class TimeProviderScheduler(TimeProvider time) : IScheduler
{
    private readonly ConcurrentDictionary<ScheduledWork, byte> _pending = new();
    private volatile bool _shutDown;

    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return ScheduleOnce(delay, () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be positive");
        }

        return Schedule(initialDelay, interval, () => receiver.Tell(message, sender), repeating: true);
    }

    public ScheduledWork ScheduleOnce(TimeSpan delay, Action action) =>
        Schedule(delay, Timeout.InfiniteTimeSpan, action, repeating: false);

    public void Forget(ScheduledWork work) => _pending.TryRemove(work, out _);

    public void Shutdown()
    {
        _shutDown = true;
        foreach (var work in _pending.Keys)
        {
            work.Cancel();
        }
    }

    private ScheduledWork Schedule(TimeSpan delay, TimeSpan period, Action action, bool repeating)
    {
        var work = new ScheduledWork(this, action, repeating);
        if (_shutDown)
        {
            work.Cancel();
            return work;
        }

        _pending[work] = 0;
        work.Start(time, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, period);

        // Shutdown may have swept the table before this entry was added.
        if (_shutDown)
        {
            work.Cancel();
        }

        return work;
    }
}
