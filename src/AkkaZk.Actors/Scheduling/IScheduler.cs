namespace AkkaZk.Actors;

/// <summary>
/// Sends messages later. Unlike an actor's Timers, a cancel here cannot recall a message already sent, so inside
/// actors prefer <see cref="ITimerScheduler"/>.
/// </summary>
public interface IScheduler
{
    ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender);

    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender);
}
