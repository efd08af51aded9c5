using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>
/// A transaction as consensus sees it: its zxid and its serialized form (QUORUM 10.1, TxnHeader + record + optional
/// digest, exactly the PROPOSAL data). The cores never interpret the bytes; equality compares them by value.
/// </summary>
public sealed record ZabTxn(long Zxid, byte[] Data)
{
    public bool Equals(ZabTxn? other) => other is not null && Zxid == other.Zxid && Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() => HashCode.Combine(Zxid, Data.Length);

    public override string ToString() => ZxidUtils.ToHex(Zxid);
}
