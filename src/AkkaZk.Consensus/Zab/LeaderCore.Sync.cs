using System.Text;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>Sync: the per-learner plan, forwarding, NEWLEADER and its quorum, UPTODATE.</summary>
public sealed partial class LeaderCore
{
    private readonly HashSet<long> _newLeaderAcks = [];

    private long NewLeaderZxid => ZxidUtils.MakeZxid(Epoch, 0);

    /// <summary>syncFollower + startForwarding + NEWLEADER: on the wire, sync packets, outstanding proposals, NEWLEADER.</summary>
    private void SyncLearner(ReadyBuilder<QuorumPacket> ready, LearnerHandlerState learner)
    {
        var plan = SyncPlanner.Plan(learner.PeerLastZxid, LastProcessedZxid, _committedLog, _options.ForceSnapSync);
        foreach (var packet in plan.Packets) ready.Send(learner.Sid, packet);
        if (learner.IsParticipant)
        {
            foreach (var (zxid, proposal) in _outstanding)
            {
                if (zxid <= plan.SyncedZxid) continue;
                ready.Send(learner.Sid, new QuorumPacket(QuorumPacketType.Proposal, zxid, proposal.Txn.Data));
                learner.Unacked.Enqueue((zxid, _halfTicks));
            }
        }
        learner.Forwarding = true;
        ready.Send(learner.Sid, new QuorumPacket(QuorumPacketType.NewLeader, NewLeaderZxid, Encoding.UTF8.GetBytes(LastSeenConfig.ConfigString)));
        learner.Phase = LearnerPhase.AwaitingNewLeaderAck;
    }

    private void ReceiveNewLeaderAck(ReadyBuilder<QuorumPacket> ready, LearnerHandlerState learner, QuorumPacket packet)
    {
        if (packet.Type != QuorumPacketType.Ack)
        {
            Drop(ready, learner); // "Next packet was supposed to be an ACK"
            return;
        }
        learner.Phase = LearnerPhase.AwaitingStartup;
        if (IsEstablished)
        {
            SendUpToDate(ready, learner);
            return;
        }
        // A NEWLEADER ACK from another epoch is ignored, but the learner still waits for the quorum.
        if (packet.Zxid == NewLeaderZxid && Config.IsVoter(learner.Sid)) _newLeaderAcks.Add(learner.Sid);
        CheckNewLeaderQuorum(ready);
    }

    private void CheckNewLeaderQuorum(ReadyBuilder<QuorumPacket> ready)
    {
        if (IsEstablished || !_epochAcked || !Config.IsQuorum(_newLeaderAcks)) return;
        IsEstablished = true;
        // startZkServer: the tree's lastProcessedZxid becomes (epoch, 0); the first proposal is (epoch, 1).
        LastProcessedZxid = NewLeaderZxid;
        LastProposedZxid = NewLeaderZxid;
        ActivateNewLeaderConfig(ready);
        ready.Role(new Established(Epoch));
        foreach (var learner in _learners.Values.Where(l => l.Phase == LearnerPhase.AwaitingStartup).OrderBy(l => l.Sid).ToList())
            SendUpToDate(ready, learner);
    }

    private static void SendUpToDate(ReadyBuilder<QuorumPacket> ready, LearnerHandlerState learner)
    {
        ready.Send(learner.Sid, new QuorumPacket(QuorumPacketType.UpToDate, -1));
        learner.Phase = LearnerPhase.Serving;
    }
}
