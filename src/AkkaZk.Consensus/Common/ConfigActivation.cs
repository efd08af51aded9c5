using System.Buffers.Binary;
using System.Text;
using AkkaZk.Jute;

namespace AkkaZk.Consensus;

/// <summary>
/// A committed config to switch to (QuorumPeer.processReconfig): from a reconfig txn's COMMITANDACTIVATE or
/// INFORMANDACTIVATE, or from NEWLEADER's config once UPTODATE arrives. <paramref name="DesignatedLeader"/> is the
/// leader the activating packet names (null for NEWLEADER: keep the current leader if it is still a voter).
/// </summary>
public sealed record ConfigActivation(QuorumConfig Config, long? DesignatedLeader)
{
    public override string ToString() => $"activate version={Config.Version:x} leader={DesignatedLeader?.ToString() ?? "-"}";

    /// <summary>The new config a serialized reconfig txn (TxnHeader with type 16, then SetDataTxn) carries, or null.</summary>
    public static QuorumConfig? FromTxn(ZabTxn txn)
    {
        // TxnHeader: clientId(8) cxid(4) zxid(8) time(8) type(4).
        if (txn.Data.Length < 32 || BinaryPrimitives.ReadInt32BigEndian(txn.Data.AsSpan(28)) != OpCode.Reconfig) return null;
        var body = TxnCodec.Deserialize(txn.Data).Body as SetDataTxn;
        return body?.Data is { } data ? QuorumConfig.Parse(Encoding.UTF8.GetString(data)) : null;
    }
}
