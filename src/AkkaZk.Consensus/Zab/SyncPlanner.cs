using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>
/// The leader's sync decision for one learner (LearnerHandler.syncFollower, QUORUM 6). The on-disk txn-log
/// fallback (rule 5) is the committed log here: a caller that keeps more history passes a longer window.
/// </summary>
public static class SyncPlanner
{
    public static SyncPlan Plan(long peerLastZxid, long lastProcessedZxid, IReadOnlyList<ZabTxn> committedLog, bool forceSnap = false)
    {
        var min = committedLog.Count > 0 ? committedLog[0].Zxid : lastProcessedZxid;
        var max = committedLog.Count > 0 ? committedLog[^1].Zxid : lastProcessedZxid;
        var isPeerNewEpochZxid = ZxidUtils.IsEpochStart(peerLastZxid);
        if (!forceSnap)
        {
            if (lastProcessedZxid == peerLastZxid)
                return new SyncPlan([Op(QuorumPacketType.Diff, peerLastZxid)], peerLastZxid);
            if (peerLastZxid > max && !isPeerNewEpochZxid)
                return new SyncPlan([Op(QuorumPacketType.Trunc, max)], max);
            if (min <= peerLastZxid && peerLastZxid <= max && Walk(peerLastZxid, committedLog, max) is { } walked)
                return walked;
        }
        return new SyncPlan([Op(QuorumPacketType.Snap, lastProcessedZxid)], lastProcessedZxid);
    }

    /// <summary>queueCommittedProposals: null when the peer has txns of another epoch past the leader's (then SNAP).</summary>
    private static SyncPlan? Walk(long peerLastZxid, IReadOnlyList<ZabTxn> committedLog, long maxCommittedLog)
    {
        var isPeerNewEpochZxid = ZxidUtils.IsEpochStart(peerLastZxid);
        var packets = new List<QuorumPacket>();
        var needOpPacket = true;
        var queuedZxid = peerLastZxid;
        var previousZxid = -1L;
        foreach (var txn in committedLog)
        {
            if (txn.Zxid < peerLastZxid)
            {
                previousZxid = txn.Zxid;
                continue;
            }
            if (needOpPacket)
            {
                if (txn.Zxid == peerLastZxid)
                {
                    packets.Add(Op(QuorumPacketType.Diff, maxCommittedLog));
                    needOpPacket = false;
                    continue;
                }
                if (isPeerNewEpochZxid)
                {
                    packets.Add(Op(QuorumPacketType.Diff, maxCommittedLog));
                    needOpPacket = false;
                }
                else if (txn.Zxid > peerLastZxid)
                {
                    // The peer logged txns the leader never committed. Within one epoch they are cut off;
                    // across an epoch boundary a TRUNC could keep a wrong txn, so give up (SNAP).
                    if (ZxidUtils.GetEpoch(txn.Zxid) != ZxidUtils.GetEpoch(peerLastZxid)) return null;
                    packets.Add(Op(QuorumPacketType.Trunc, previousZxid));
                    needOpPacket = false;
                }
            }
            if (txn.Zxid <= queuedZxid) continue;
            packets.Add(new QuorumPacket(QuorumPacketType.Proposal, txn.Zxid, txn.Data));
            packets.Add(Op(QuorumPacketType.Commit, txn.Zxid));
            queuedZxid = txn.Zxid;
        }
        if (needOpPacket && isPeerNewEpochZxid)
        {
            packets.Add(Op(QuorumPacketType.Diff, maxCommittedLog));
            needOpPacket = false;
        }
        return needOpPacket ? null : new SyncPlan(packets, queuedZxid);
    }

    private static QuorumPacket Op(int type, long zxid) => new(type, zxid);
}
