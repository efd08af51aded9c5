namespace AkkaZk.Consensus;

/// <summary>
/// What a server has logged when a ZAB role starts: the retained txns (ascending zxids, all above
/// <paramref name="BaseZxid"/>, the zxid its latest snapshot covers) and how far its state machine has applied them.
/// The txns must include every one above <paramref name="AppliedZxid"/>; a leader also uses the last
/// <see cref="ZabOptions.CommitLogCount"/> of them as its committed log for DIFF.
/// </summary>
public sealed record ZabLog(long BaseZxid, IReadOnlyList<ZabTxn> Txns, long AppliedZxid)
{
    public static ZabLog Empty { get; } = new(0, [], 0);

    public long LastLoggedZxid => Txns.Count > 0 ? Txns[^1].Zxid : BaseZxid;

    /// <summary>A log whose state machine reflects all of it, as after ZooKeeper's start-up replay.</summary>
    public static ZabLog FullyApplied(IReadOnlyList<ZabTxn> txns, long baseZxid = 0) =>
        new(baseZxid, txns, txns.Count > 0 ? txns[^1].Zxid : baseZxid);
}
