using AkkaZk.Actors;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Tree;

// Periodic snapshots are written and fsynced off the journal's thread, so appends (and the acknowledgements that
// wait on them) never queue behind a large file. Anything else that touches the snapshot files waits for it first.
public sealed partial class JournalActor
{
    private Task? _snapshotWrite;

    private sealed record SnapshotWriteFailed(long Zxid, Exception Error);

    private void SaveSnapshotInBackground(TreeProtocol.SaveSnapshot m)
    {
        AwaitSnapshotWrite();
        var store = Snapshots;
        var self = Self;
        _snapshotWrite = Task.Run(() => store.Save(m.Zxid, m.Payload, m.Digest))
            .ContinueWith(t =>
            {
                if (t.Exception is { } error) self.Tell(new SnapshotWriteFailed(m.Zxid, error.GetBaseException()), ActorRefs.NoSender);
            }, TaskScheduler.Default);
    }

    /// <summary>Blocks until the snapshot being written, if any, is durable (or has failed and been reported).</summary>
    private void AwaitSnapshotWrite()
    {
        _snapshotWrite?.Wait();
        _snapshotWrite = null;
    }

    private void ReceiveSnapshotWrites()
    {
        Receive<TreeProtocol.SaveSnapshot>(SaveSnapshotInBackground);
        // The journal holds every txn the snapshot would have covered: a failed write costs replay time, not data.
        Receive<SnapshotWriteFailed>(m =>
            Context.Log.LogError(m.Error, "Snapshot 0x{Zxid:x} could not be written; the journal still holds its txns", m.Zxid));
    }
}
