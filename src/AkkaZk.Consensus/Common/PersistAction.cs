using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>Something the caller must make durable, in list order, before it sends anything from the same Ready.</summary>
public abstract record PersistAction;

/// <summary>Write version-2/acceptedEpoch.</summary>
public sealed record PersistAcceptedEpoch(long Epoch) : PersistAction
{
    public override string ToString() => $"acceptedEpoch={Epoch}";
}

/// <summary>Write version-2/currentEpoch.</summary>
public sealed record PersistCurrentEpoch(long Epoch) : PersistAction
{
    public override string ToString() => $"currentEpoch={Epoch}";
}

/// <summary>Append to the txn log and fsync.</summary>
public sealed record AppendTxns(IReadOnlyList<ZabTxn> Txns) : PersistAction
{
    public bool Equals(AppendTxns? other) => other is not null && Txns.SequenceEqual(other.Txns);

    public override int GetHashCode() => Txns.Count;

    public override string ToString() => $"append[{string.Join(",", Txns)}]";
}

/// <summary>
/// Drop every logged txn above <paramref name="Zxid"/> (TRUNC). If the state machine already applied any of them
/// (a restarted node replays its whole log) it must be rebuilt from a snapshot at or below Zxid plus the log.
/// </summary>
public sealed record TruncateLog(long Zxid) : PersistAction
{
    public override string ToString() => $"truncate>{ZxidUtils.ToHex(Zxid)}";
}

/// <summary>
/// Write a snapshot of the state machine as it is now, which reflects exactly the committed txns up to
/// <paramref name="Zxid"/> (after SNAP, the received snapshot plus commits applied during sync). Never includes
/// uncommitted proposals (ZOOKEEPER-1549). <paramref name="ReplacesLog"/>: the state came from a SNAP, so every
/// txn logged before it is obsolete and must not be replayed.
/// </summary>
public sealed record TakeSnapshot(long Zxid, bool ReplacesLog = false) : PersistAction
{
    public override string ToString() => $"snapshot@{ZxidUtils.ToHex(Zxid)}{(ReplacesLog ? " replacing log" : "")}";
}

/// <summary>
/// Delete every snapshot and the whole log; keep the epochs. Emitted when the leader asks to TRUNC below a
/// snapshot this learner took at NEWLEADER of a leader that never established (its SNAP held that leader's
/// uncommitted tail). ZooKeeper reloads the newer snapshot there and silently diverges; here the learner starts
/// empty and the next sync sends it a SNAP.
/// </summary>
public sealed record WipeData : PersistAction
{
    public override string ToString() => "wipe data";
}
