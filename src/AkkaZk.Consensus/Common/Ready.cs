namespace AkkaZk.Consensus;

/// <summary>
/// The outputs of one Step or Tick, drained by the caller in this order (etcd-raft's Ready):
/// 1. <see cref="Persist"/>, in list order, each durable (fsync) before the next step — "persist before send";
/// 2. <see cref="Send"/>, in list order per peer (links are ordered);
/// 3. <see cref="Disconnect"/>: close these peers' quorum connections;
/// 4. <see cref="Apply"/>: txns to apply to the state machine, in zxid order. As in ZooKeeper, a server's state
///    machine may run ahead of what is committed until its role is <see cref="Established"/> (a new leader applies
///    its whole log, a learner its own log before the leader's NEWLEADER quorum); it serves clients only after that;
/// 5. <see cref="Activate"/>: configs committed by a reconfig (or announced by NEWLEADER), in order: switch to them
///    and persist the dynamic config;
/// 6. <see cref="RoleChange"/>, if any.
/// A core never emits a send that depends on state not yet listed for persistence, so a caller that follows this
/// order gives ZooKeeper's durability guarantees (ACK after fsync, acceptedEpoch before ACKEPOCH, txns before
/// currentEpoch before the NEWLEADER ACK).
/// </summary>
public sealed record Ready<TMessage>
{
    public static Ready<TMessage> Empty { get; } = new();

    public IReadOnlyList<PersistAction> Persist { get; init; } = [];
    public IReadOnlyList<Outbound<TMessage>> Send { get; init; } = [];
    public IReadOnlyList<long> Disconnect { get; init; } = [];
    public IReadOnlyList<ZabTxn> Apply { get; init; } = [];
    public IReadOnlyList<ConfigActivation> Activate { get; init; } = [];
    public RoleChange? RoleChange { get; init; }

    public bool IsEmpty => Persist.Count == 0 && Send.Count == 0 && Disconnect.Count == 0 && Apply.Count == 0 && Activate.Count == 0
        && RoleChange is null;
}
