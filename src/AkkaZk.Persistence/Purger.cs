namespace AkkaZk.Persistence;

/// <summary>
/// Autopurge, as ZooKeeper's DatadirCleanupManager/PurgeTxnLog: keep the newest N valid snapshots and drop the
/// journal below the oldest kept one. Recovering from snapshot Z replays zxids above Z, so entries below Z are
/// never needed; the entry at Z is kept as well, so the journal still overlaps the snapshot. With no valid
/// snapshot the whole journal is the only copy of the data, so nothing is deleted.
/// Call from the owner of both stores (not thread-safe).
/// </summary>
public static class Purger
{
    public static PurgeResult Purge(SnapshotStore snapshots, SqliteJournal journal, int retainCount)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(journal);
        var oldestRetained = snapshots.Purge(retainCount);
        var deleted = oldestRetained > 0 ? journal.PurgeBefore(oldestRetained) : 0;
        return new PurgeResult(oldestRetained, deleted);
    }
}
