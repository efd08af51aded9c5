namespace AkkaZk.Persistence;

using DataTree = AkkaZk.DataTree.DataTree;

/// <summary>
/// The tree rebuilt at start-up, the zxid of the snapshot it was loaded from (0 when it started empty), how many
/// journal txns were replayed on top, and how long it took.
/// </summary>
public sealed record RecoveryResult(DataTree Tree, long SnapshotZxid, int TxnsReplayed, TimeSpan Elapsed)
{
    /// <summary>Digest checks that failed while recovering (the snapshot's, and replayed txns' own).</summary>
    public int DigestMismatches { get; init; }
}
