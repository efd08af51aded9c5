using AkkaZk.Actors;
using AkkaZk.Consensus;
using AkkaZk.Persistence;
using AkkaZk.Server.Ensemble.Zab;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Tree;

// Ensemble mode: the epoch files, the log a ZAB role starts from, and the role's persist actions, in order.
public sealed partial class JournalActor
{
    private ZabProtocol.ZabStart ZabStartOf(RecoveryResult result)
    {
        var txns = Journal.ReadSerializedAfter(result.SnapshotZxid).Select(t => new ZabTxn(t.Zxid, t.Bytes)).ToList();
        var log = new ZabLog(result.SnapshotZxid, txns, result.Tree.LastProcessedZxid);
        var (accepted, current) = EpochFile.Load(_settings.DataDir, log.LastLoggedZxid);
        return new ZabProtocol.ZabStart(new EpochState(accepted, current), log);
    }

    /// <summary>Each step durable before the next; consecutive appends are one batch (one fsync). Then the role hears.</summary>
    private void PersistZab(TreeProtocol.ZabPersist m)
    {
        if (m.Steps.Any(step => step is not AppendTxns)) AwaitSnapshotWrite();
        var batch = new List<SerializedTxn>();
        foreach (var step in m.Steps)
        {
            if (step is AppendTxns append)
            {
                var last = batch.Count > 0 ? batch[^1].Zxid : Journal.LastZxid;
                foreach (var txn in append.Txns)
                {
                    // A txn already logged (a learner re-sent what it has) is not appended twice.
                    if (txn.Zxid <= last) continue;
                    batch.Add(new SerializedTxn(txn.Zxid, txn.Data));
                    last = txn.Zxid;
                }
                continue;
            }
            Flush(batch);
            switch (step)
            {
                case PersistAcceptedEpoch e:
                    EpochFile.Write(_settings.DataDir, EpochFile.Accepted, e.Epoch);
                    break;
                case PersistCurrentEpoch e:
                    EpochFile.Write(_settings.DataDir, EpochFile.Current, e.Epoch);
                    break;
                case TruncateLog t:
                    var dropped = Journal.TruncateAfter(t.Zxid);
                    Context.Log.LogInformation("Truncated the log after 0x{Zxid:x}: {Count} txns dropped", t.Zxid, dropped);
                    break;
                case TreeProtocol.SnapshotPayload s:
                    // A SNAP's state replaces the whole log: drop it first, so a crash leaves an older prefix, never a mix.
                    if (s.ReplacesLog) Journal.TruncateAfter(long.MinValue);
                    Snapshots.Save(s.Zxid, s.Body, s.Digest);
                    Context.Log.LogInformation("Snapshot 0x{Zxid:x} written at sync ({Bytes} bytes)", s.Zxid, s.Body.Length);
                    break;
                case WipeData:
                    Journal.TruncateAfter(long.MinValue);
                    foreach (var snapshot in Snapshots.List()) File.Delete(snapshot.Path);
                    Context.Log.LogWarning("Wiped the log and every snapshot; the next sync brings a SNAP");
                    break;
            }
        }
        Flush(batch);
        m.ReplyTo.Tell(new ZabProtocol.Persisted(), Self);
    }

    private void Flush(List<SerializedTxn> batch)
    {
        if (batch.Count == 0) return;
        Journal.AppendSerialized(batch.ToList());
        batch.Clear();
    }
}
