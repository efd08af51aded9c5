namespace AkkaZk.Actors;

/// <summary>
/// Keyed timers that send a message to the actor itself. Starting a timer replaces the one with the same key;
/// after a cancel or a replace, the old timer's message is never delivered. All timers are cancelled when the
/// actor stops or restarts. Use it only from inside the actor.
/// </summary>
public interface ITimerScheduler
{
    void StartSingleTimer(object key, object msg, TimeSpan timeout);

    void StartPeriodicTimer(object key, object msg, TimeSpan interval);

    void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval);

    bool IsTimerActive(object key);

    void Cancel(object key);

    void CancelAll();
}
