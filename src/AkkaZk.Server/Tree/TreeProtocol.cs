using AkkaZk.DataTree;
using AkkaZk.Persistence;
using ZkTree = AkkaZk.DataTree.DataTree;

namespace AkkaZk.Server.Tree;

/// <summary>Messages of the DataTreeActor and its JournalActor.</summary>
public static class TreeProtocol
{
    /// <summary>Sent to the parent once the tree is recovered and requests are being served.</summary>
    public sealed record TreeRecovered(long LastZxid, int NodeCount, int TxnsReplayed, TimeSpan Elapsed);

    public sealed record GetTreeStats;
    public sealed record TreeStats(long LastZxid, int NodeCount, int WatchCount, int EphemeralCount,
        long ApproximateDataSize, int SessionCount, WatchStatistics Watches);

    // DataTreeActor ↔ JournalActor
    public sealed record Recover;
    public sealed record Recovered(ZkTree Tree, RecoveryResult Result);
    public sealed record PersistBatch(IReadOnlyList<SerializedTxn> Txns);
    public sealed record BatchPersisted(long LastZxid, int Count);
    public sealed record SaveSnapshot(long Zxid, byte[] Payload);
    public sealed record PurgeNow;
}
