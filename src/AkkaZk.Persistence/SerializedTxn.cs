using AkkaZk.Jute;

namespace AkkaZk.Persistence;

/// <summary>
/// A txn already in ZooKeeper's txn-entry layout (TxnHeader + record, QUORUM 10.1), so the leader serialises once
/// and the same bytes go to the journal and into PROPOSAL packets.
/// </summary>
public sealed record SerializedTxn(long Zxid, byte[] Bytes)
{
    public static SerializedTxn From(Txn txn) => new(txn.Zxid, TxnCodec.Serialize(txn));

    public Txn Deserialize() => TxnCodec.Deserialize(Bytes);
}
