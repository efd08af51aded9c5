namespace AkkaZk.Consensus;

/// <summary>
/// ZAB timing and sync settings. <see cref="InitLimit"/> and <see cref="SyncLimit"/> are in ZooKeeper ticks; the
/// cores' Tick() is called every tickTime/2 (the leader's ping period in Leader.lead), so one ZooKeeper tick is two
/// calls. <see cref="CommitLogCount"/> is zookeeper.commitLogCount (the committed-log window used for DIFF).
/// <see cref="ReconfigEnabled"/>: reconfigEnabled (dynamic reconfiguration; a new leader versions a version-0 config).
/// </summary>
public sealed record ZabOptions(int InitLimit = 10, int SyncLimit = 5, int CommitLogCount = 500, bool ForceSnapSync = false,
    bool ReconfigEnabled = false)
{
    public int InitLimitHalfTicks => InitLimit * 2;
    public int SyncLimitHalfTicks => SyncLimit * 2;
}
