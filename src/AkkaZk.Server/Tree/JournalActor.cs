using AkkaZk.Actors;
using AkkaZk.Persistence;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Tree;

/// <summary>
/// Owns the journal and the snapshot files: recovers the tree, appends each batch in one SQLite transaction
/// (one fsync) before answering, writes snapshots handed over by the tree (in the background), and purges old files.
/// Blocking I/O happens here so the tree's actor keeps serving reads meanwhile.
/// </summary>
public sealed partial class JournalActor : ReceiveActor, IWithTimers
{
    private readonly JournalSettings _settings;
    private SqliteJournal? _journal;
    private SnapshotStore? _snapshots;

    public JournalActor(JournalSettings settings)
    {
        _settings = settings;
        Receive<TreeProtocol.Recover>(m => Recover(m.Ensemble));
        Receive<TreeProtocol.ZabPersist>(PersistZab);
        Receive<TreeProtocol.PersistBatch>(m =>
        {
            Journal.AppendSerialized(m.Txns);
            Sender.Tell(new TreeProtocol.BatchPersisted(m.Txns[^1].Zxid, m.Txns.Count), Self);
        });
        ReceiveSnapshotWrites();
        Receive<TreeProtocol.PurgeNow>(_ =>
        {
            AwaitSnapshotWrite();
            Purger.Purge(Snapshots, Journal, _settings.SnapRetainCount);
            Context.Log.LogInformation("Autopurge done: keeping the newest {Count} snapshots", _settings.SnapRetainCount);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(JournalSettings settings) => Actors.Props.Create(() => new JournalActor(settings));

    private SqliteJournal Journal => _journal ?? throw new InvalidOperationException("journal not open");
    private SnapshotStore Snapshots => _snapshots ?? throw new InvalidOperationException("snapshot store not open");

    protected override void PreStart()
    {
        if (_settings.PurgeInterval > TimeSpan.Zero)
            Timers.StartPeriodicTimer("purge", new TreeProtocol.PurgeNow(), _settings.PurgeInterval);
    }

    protected override void PostStop()
    {
        AwaitSnapshotWrite();
        _journal?.Dispose();
        _journal = null;
    }

    private void Recover(bool ensemble)
    {
        AwaitSnapshotWrite();
        Directory.CreateDirectory(_settings.DataDir);
        Directory.CreateDirectory(_settings.DataLogDir);
        var logger = Context.System.LoggerFactory.CreateLogger("AkkaZk.Persistence");
        _journal = SqliteJournal.Open(_settings.DataLogDir, new JournalOptions { Fsync = _settings.Fsync }, logger);
        _snapshots = new SnapshotStore(_settings.DataDir, logger);
        var result = TreeRecovery.Recover(_snapshots, _journal, logger, _settings.ExtendedTypesEnabled);
        Sender.Tell(new TreeProtocol.Recovered(result.Tree, result, ensemble ? ZabStartOf(result) : null), Self);
    }
}
