namespace AkkaZk.Consensus;

/// <summary>
/// A proposal waiting for ACKs (Leader.Proposal): from a quorum of every config in <paramref name="verifiers"/> —
/// the committed one and, while a reconfig is in flight, the proposed one (Proposal.qvAcksetPairs).
/// <paramref name="newConfig"/> is set on the reconfig proposal itself.
/// </summary>
internal sealed class OutstandingProposal(ZabTxn txn, IReadOnlyList<QuorumConfig> verifiers, QuorumConfig? newConfig = null)
{
    public ZabTxn Txn { get; } = txn;
    public HashSet<long> Acks { get; } = [];
    public IReadOnlyList<QuorumConfig> Verifiers { get; } = verifiers;
    public QuorumConfig? NewConfig { get; } = newConfig;

    public bool HasQuorum => Verifiers.All(v => v.IsQuorum(Acks));
}
