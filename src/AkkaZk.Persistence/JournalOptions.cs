namespace AkkaZk.Persistence;

/// <summary>
/// Settings for <see cref="SqliteJournal"/>. <paramref name="Fsync"/> = true runs SQLite with synchronous=FULL, so
/// every commit is on disk when Append returns (ZooKeeper's forceSync=yes). false (synchronous=NORMAL) survives a
/// process crash but not a power loss: for tests and benchmarks only, as ZooKeeper's forceSync=no.
/// </summary>
public sealed record JournalOptions(bool Fsync = true)
{
    public static JournalOptions Durable { get; } = new();
}
