using AkkaZk.DataTree;
using AkkaZk.Persistence;
using AkkaZk.Server.Ensemble.Zab;
using AkkaZk.Server.Stats;
using ZkTree = AkkaZk.DataTree.DataTree;

namespace AkkaZk.Server.Tree;

/// <summary>Messages of the DataTreeActor and its JournalActor.</summary>
public static class TreeProtocol
{
    /// <summary>Sent to the parent once the tree is recovered and requests are being served.</summary>
    public sealed record TreeRecovered(long LastZxid, int NodeCount, int TxnsReplayed, TimeSpan Elapsed)
    {
        /// <summary>Ensemble mode: what a ZAB role starts from (epochs, the log past the snapshot).</summary>
        public ZabProtocol.ZabStart? Zab { get; init; }
    }

    public sealed record GetTreeStats;
    public sealed record TreeStats(long LastZxid, int NodeCount, int WatchCount, int EphemeralCount,
        long ApproximateDataSize, int SessionCount, WatchStatistics Watches, IReadOnlyList<SummarySnapshot> NamespaceSummaries)
    {
        /// <summary>digest_mismatches_count: replicated txns whose digest did not match the tree after applying them.</summary>
        public long DigestMismatches { get; init; }
    }

    /// <summary>Asks for the tree's digest history (the hash command); answered with <see cref="DigestHistory"/>.</summary>
    public sealed record GetDigestHistory;
    public sealed record DigestHistory(IReadOnlyList<ZxidDigest> Digests);

    /// <summary>srst: the tree's own metrics (bytes per namespace) back to zero.</summary>
    public sealed record ResetMetrics;

    /// <summary>Asks for the dump four-letter word's session and ephemeral sections; answered with <see cref="SessionDump"/>.</summary>
    public sealed record GetSessionDump;

    /// <summary>Session expiry buckets (earliest first) and the ephemerals of each session (by session id).</summary>
    public sealed record SessionDump(IReadOnlyList<ExpiryBucket> Buckets, int SessionCount,
        IReadOnlyList<KeyValuePair<long, IReadOnlyCollection<string>>> Ephemerals);

    /// <summary>Sessions that expire together, at a wall-clock time in Unix milliseconds.</summary>
    public sealed record ExpiryBucket(long ExpiresAtMs, IReadOnlyList<long> SessionIds);

    // DataTreeActor ↔ JournalActor
    public sealed record Recover(bool Ensemble = false);
    public sealed record Recovered(ZkTree Tree, RecoveryResult Result, ZabProtocol.ZabStart? Zab = null);
    /// <summary>ZAB persist steps in order: PersistActions, with TakeSnapshot already serialized as <see cref="SnapshotPayload"/>.</summary>
    /// <summary>Serve read-only clients until <see cref="StopReadOnly"/> (see <see cref="TreeRole.ReadOnly"/>).</summary>
    public sealed record ServeReadOnly;

    /// <summary>Peer → tree: /zookeeper/config holds this config text (initConfigInZKDatabase).</summary>
    public sealed record InitConfig(string Text, long Version);

    /// <summary>Leave read-only mode: its local sessions are dropped, and the tree waits for its ZAB role.</summary>
    public sealed record StopReadOnly;

    public sealed record ZabPersist(IReadOnlyList<object> Steps, AkkaZk.Actors.IActorRef ReplyTo);
    public sealed record SnapshotPayload(long Zxid, byte[] Body, bool ReplacesLog, ZxidDigest? Digest = null);
    public sealed record PersistBatch(IReadOnlyList<SerializedTxn> Txns);
    public sealed record BatchPersisted(long LastZxid, int Count);
    public sealed record SaveSnapshot(long Zxid, ReadOnlyMemory<byte> Payload, ZxidDigest? Digest = null);
    public sealed record PurgeNow;
}
