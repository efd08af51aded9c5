namespace AkkaZk.Consensus;

/// <summary>A proposal waiting for a quorum of ACKs (Leader.Proposal).</summary>
internal sealed class OutstandingProposal(ZabTxn txn)
{
    public ZabTxn Txn { get; } = txn;
    public HashSet<long> Acks { get; } = [];
}
