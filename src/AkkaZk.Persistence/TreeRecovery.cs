using System.Diagnostics;
using System.Runtime;
using AkkaZk.DataTree;
using AkkaZk.Jute.Quorum;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkkaZk.Persistence;

// Inside the namespace so the alias wins over the namespace AkkaZk.DataTree in name lookup.
using DataTree = AkkaZk.DataTree.DataTree;
using SnapshotSerializer = AkkaZk.DataTree.SnapshotSerializer;

/// <summary>
/// Start-up recovery as ZooKeeper's FileTxnSnapLog.restore: load the newest valid snapshot (or start from an empty
/// tree), then replay every journal txn above its zxid. Replay tolerates apply errors, as ZooKeeper's does: a txn
/// that fails (say NodeExists, because the snapshot already holds its effect) still advances the tree's zxid.
/// Runs on the caller's thread; the stores must not be used by anyone else meanwhile.
/// </summary>
public static class TreeRecovery
{
    public static RecoveryResult Recover(SnapshotStore snapshots, SqliteJournal journal, ILogger? logger = null,
        bool extendedTypesEnabled = false)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(journal);
        logger ??= NullLogger.Instance;
        var started = Stopwatch.GetTimestamp();

        // Everything recovery allocates survives (the tree), so full collections while it runs only copy and
        // scan live nodes: hold them off until the tree is built, as GCLatencyMode.LowLatency is meant for.
        var latencyMode = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.LowLatency;
        DataTree tree;
        long snapshotZxid;
        var replayed = 0;
        RecoveryDigestCheck digests;
        try
        {
            ZxidDigest? snapshotDigest;
            (tree, snapshotZxid, snapshotDigest) = LoadNewestSnapshot(snapshots, logger, extendedTypesEnabled);
            digests = new RecoveryDigestCheck(tree, logger);
            digests.SnapshotLoaded(snapshotZxid, snapshotDigest);
            foreach (var entry in journal.ReadSerializedAfter(snapshotZxid))
            {
                var (txn, digest) = TxnLogEntry.Decode(entry.Bytes);
                if (replayed == 0) WarnOnGap(snapshotZxid, txn.Zxid, logger);
                // The result's error code is ignored on replay, as in ZooKeeper; ProcessTxn advances LastProcessedZxid.
                tree.ProcessTxn(txn);
                digests.Replayed(txn, digest);
                replayed++;
            }
        }
        finally
        {
            GCSettings.LatencyMode = latencyMode;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        logger.LogInformation(
            "Recovered the tree: snapshot 0x{Snapshot:x} + {Replayed} journal txns, last zxid 0x{Last:x}, in {Ms} ms",
            snapshotZxid, replayed, tree.LastProcessedZxid, (long)elapsed.TotalMilliseconds);
        return new RecoveryResult(tree, snapshotZxid, replayed, elapsed) { DigestMismatches = digests.Mismatches };
    }

    /// <summary>
    /// The newest snapshot that passes its seals and also parses; one that is sealed but does not parse is skipped
    /// with a warning like one with a bad seal, as ZooKeeper tries its most recent snapshots in turn.
    /// </summary>
    private static (DataTree Tree, long Zxid, ZxidDigest? Digest) LoadNewestSnapshot(SnapshotStore snapshots, ILogger logger,
        bool extendedTypesEnabled)
    {
        foreach (var snapshot in snapshots.List())
        {
            if (!snapshots.TryOpenValid(snapshot, out var payload, out var digest)) continue;
            try
            {
                using (payload)
                {
                    return (SnapshotSerializer.Deserialize(payload, snapshot.Zxid, extendedTypesEnabled), snapshot.Zxid, digest);
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                logger.LogWarning("Skipping snapshot {Path}: its payload does not parse ({Reason})", snapshot.Path, ex.Message);
            }
        }
        return (new DataTree(extendedTypesEnabled), 0, null);
    }

    private static void WarnOnGap(long snapshotZxid, long firstReplayed, ILogger logger)
    {
        // zxids run on consecutively within an epoch and a new epoch's first txn has counter 1 (QUORUM 1), so
        // anything else means journal entries the snapshot does not cover are gone (ZooKeeper refuses to start
        // from logs without a snapshot for the same reason; here it is a warning and the replay goes on).
        const long CounterMask = 0xFFFFFFFF;
        if (firstReplayed != snapshotZxid + 1 && (firstReplayed & CounterMask) != 1)
            logger.LogWarning("Journal gap: the snapshot ends at 0x{Snapshot:x} but replay starts at 0x{First:x}",
                snapshotZxid, firstReplayed);
    }
}
