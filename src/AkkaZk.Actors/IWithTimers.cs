namespace AkkaZk.Actors;

/// <summary>An actor that implements this gets its <see cref="Timers"/> set after construction, before PreStart.</summary>
public interface IWithTimers
{
    ITimerScheduler Timers { get; set; }
}
