namespace AkkaZk.Consensus;

/// <summary>
/// Timing of fast leader election in ticks of <see cref="TickMillis"/> (the caller's Tick period). ZooKeeper's
/// finalizeWait is 200 ms; minNotificationInterval defaults to it and maxNotificationInterval to 60 s.
/// <see cref="ReconfigEnabled"/>: a LOOKING server adopts a newer config carried by a notification.
/// </summary>
public sealed record ElectionOptions(int TickMillis = 50, int FinalizeWaitMillis = 200, int MinNotificationIntervalMillis = 200,
    int MaxNotificationIntervalMillis = 60_000, bool ReconfigEnabled = false)
{
    public int FinalizeWaitTicks => ToTicks(FinalizeWaitMillis);
    public int MinNotificationTicks => ToTicks(MinNotificationIntervalMillis);
    public int MaxNotificationTicks => ToTicks(MaxNotificationIntervalMillis);

    private int ToTicks(int millis) => Math.Max(1, (millis + TickMillis - 1) / TickMillis);
}
