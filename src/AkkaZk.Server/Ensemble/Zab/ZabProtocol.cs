using AkkaZk.Actors;
using AkkaZk.Consensus;
using AkkaZk.Jute;

namespace AkkaZk.Server.Ensemble.Zab;

/// <summary>Messages between the ZAB role actors, the DataTreeActor, its JournalActor and the PeerActor.</summary>
public static class ZabProtocol
{
    /// <summary>What a role starts from, read by the journal at recovery: the epoch files and the log past the snapshot.</summary>
    public sealed record ZabStart(EpochState Epochs, ZabLog Log);

    // tree → leader
    public sealed record Propose(ZabTxn Txn);

    // role → tree
    /// <summary>Committed txns, in zxid order.</summary>
    public sealed record ApplyCommitted(IReadOnlyList<ZabTxn> Txns);

    /// <summary>Make these durable in order (the tree turns TakeSnapshot into its own serialization), then tell ReplyTo.</summary>
    public sealed record Persist(IReadOnlyList<PersistAction> Actions, IActorRef ReplyTo);

    /// <summary>SNAP on a learner: replace the tree by this snapshot body, as of <paramref name="Zxid"/>.</summary>
    public sealed record LoadSnapshot(byte[] Body, long Zxid);

    /// <summary>SNAP on the leader: serialize the tree and send it to the learner handler as <see cref="SnapshotBody"/>.</summary>
    public sealed record SerializeSnapshotTo(IActorRef Handler);

    public sealed record SnapshotBody(byte[] Body);

    /// <summary>The leader is established: propose client writes with zxids after <paramref name="EpochZxid"/>.</summary>
    public sealed record StartLeading(IActorRef Leader, long EpochZxid);

    /// <summary>The learner is established: forward client writes to the leader through <paramref name="Learner"/>.</summary>
    public sealed record StartFollowing(IActorRef Learner);

    /// <summary>Sessions the leader's learners report as active (PING replies: session id → timeout).</summary>
    public sealed record TouchSessions(IReadOnlyList<KeyValuePair<long, int>> Sessions);

    /// <summary>The leader's SYNC reached this learner after the commits before it: answer the oldest pending sync.</summary>
    public sealed record SyncCompleted;

    // tree (learner) → learner actor → leader's tree, as a REQUEST packet
    /// <summary>A client write (or createSession/closeSession/sync) forwarded to the leader (QUORUM 8.1).</summary>
    /// <remarks>On the leader, <paramref name="Learner"/> is the sid of the learner that forwarded it (the owner to check).</remarks>
    public sealed record ForwardedRequest(long SessionId, int Cxid, int OpCode, byte[] Body, IReadOnlyList<Id> AuthInfo, long Learner = 0);

    // tree (learner) → learner actor → leader → leader's tree, as a REVALIDATE packet, and the answer back
    /// <summary>
    /// A client reattaches the session to a learner: is it still live? On the leader, <paramref name="Learner"/> is
    /// the sid that asked (the session's new owner when it is).
    /// </summary>
    public sealed record RevalidateSession(long SessionId, int TimeoutMs, long Learner = 0);

    /// <summary>The leader's answer to <see cref="RevalidateSession"/>.</summary>
    public sealed record SessionRevalidated(long SessionId, bool Valid, long Learner = 0);

    // tree (learner) → learner actor
    /// <summary>Sessions touched on this server since the last report, for the next PING reply.</summary>
    public sealed record SessionsTouched(IReadOnlyDictionary<long, int> Sessions);

    // journal → role
    public sealed record Persisted;

    // role → PeerActor
    public sealed record RoleEstablished(string Mode, long Epoch);

    public sealed record RoleEnded(string Reason);

    /// <summary>
    /// Role → parent: a config was activated (a committed reconfig, or NEWLEADER's at UPTODATE): persist it, switch
    /// the election to it, refresh /zookeeper/config, and leave the role when this server's leader or type changed.
    /// </summary>
    public sealed record ConfigActivated(ConfigActivation Activation);

    /// <summary>
    /// Leader → tree: what PrepRequestProcessor needs to check a reconfig (the last proposed or committed config, the
    /// committed version, the synced followers), sent whenever it changes.
    /// </summary>
    public sealed record ReconfigView(QuorumConfig LastSeen, long CommittedVersion, IReadOnlySet<long> Synced)
    {
        public bool InProgress => LastSeen.Version != CommittedVersion;
    }
}
