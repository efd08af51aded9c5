using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>Broadcast: propose, count ACKs of voters, commit in zxid order (Leader.propose, processAck, tryToCommit).</summary>
public sealed partial class LeaderCore
{
    /// <summary>
    /// Proposes <paramref name="txn"/>, whose zxid must be <see cref="NextZxid"/>. The leader logs it (Persist) and
    /// counts its own ACK; the caller sends the PROPOSALs only after that append is durable. A zxid whose counter
    /// is 0xFFFFFFFF is not proposed: the leader steps down so that a new epoch starts (ZOOKEEPER-1277).
    /// </summary>
    public Ready<QuorumPacket> Propose(ZabTxn txn)
    {
        if (_stopped || !IsEstablished) throw new InvalidOperationException("only an established leader proposes");
        if (txn.Zxid != NextZxid)
            throw new ArgumentException($"proposal zxid {ZxidUtils.ToHex(txn.Zxid)} is not the next {ZxidUtils.ToHex(NextZxid)}", nameof(txn));
        var ready = new ReadyBuilder<QuorumPacket>();
        if (ZxidUtils.GetCounter(txn.Zxid) > ZxidUtils.MaxCounter)
        {
            Stop(ready, "zxid lower 32 bits have rolled over, forcing re-election, and therefore new epoch start");
            return ready.Build();
        }
        var newConfig = _options.ReconfigEnabled ? ConfigActivation.FromTxn(txn) : null;
        if (newConfig is not null) LastSeenConfig = newConfig;
        var proposal = new OutstandingProposal(txn, Verifiers(), newConfig);
        proposal.Acks.Add(MyId);
        _outstanding[txn.Zxid] = proposal;
        LastProposedZxid = txn.Zxid;
        ready.Persist(new AppendTxns([txn]));
        foreach (var learner in Forwarding(participants: true))
        {
            ready.Send(learner.Sid, new QuorumPacket(QuorumPacketType.Proposal, txn.Zxid, txn.Data));
            learner.Unacked.Enqueue((txn.Zxid, _halfTicks));
        }
        TryCommit(ready);
        return ready.Build();
    }

    /// <summary>
    /// Test seam: continue the epoch as if proposals had been made up to <paramref name="counter"/>, so the
    /// rollover at 0xFFFFFFFF can be reached without four billion proposals.
    /// </summary>
    internal void SkipZxidCounterTo(long counter)
    {
        if (!IsEstablished || _outstanding.Count > 0) throw new InvalidOperationException("skip only when idle");
        LastProposedZxid = ZxidUtils.MakeZxid(Epoch, counter);
    }

    private void ProcessAck(ReadyBuilder<QuorumPacket> ready, LearnerHandlerState learner, long zxid)
    {
        while (learner.Unacked.Count > 0 && learner.Unacked.Peek().Zxid <= zxid) learner.Unacked.Dequeue();
        // Counter 0 is the UPTODATE ack; committed or unknown zxids are late duplicates.
        if (ZxidUtils.IsEpochStart(zxid) || zxid <= LastProcessedZxid) return;
        if (!_outstanding.TryGetValue(zxid, out var proposal)) return;
        // Any follower's ACK is recorded: each verifier counts only its own voters (a joining server's counts for the new config).
        if (learner.IsParticipant) proposal.Acks.Add(learner.Sid);
        TryCommit(ready);
    }

    /// <summary>Commits from the lowest outstanding zxid while each has a quorum, so commits stay in zxid order.</summary>
    private void TryCommit(ReadyBuilder<QuorumPacket> ready)
    {
        while (_outstanding.Count > 0 && _allowedToCommit)
        {
            var (zxid, proposal) = _outstanding.First();
            if (!proposal.HasQuorum) return;
            _outstanding.Remove(zxid);
            LastProcessedZxid = zxid;
            _committedLog.Add(proposal.Txn);
            if (_committedLog.Count > _options.CommitLogCount) _committedLog.RemoveAt(0);
            if (proposal.NewConfig is { } newConfig)
            {
                CommitAndActivate(ready, zxid, proposal, newConfig);
                continue;
            }
            foreach (var learner in Forwarding(participants: true))
                ready.Send(learner.Sid, new QuorumPacket(QuorumPacketType.Commit, zxid));
            foreach (var learner in Forwarding(participants: false))
                ready.Send(learner.Sid, new QuorumPacket(QuorumPacketType.Inform, zxid, proposal.Txn.Data));
            ready.Apply(proposal.Txn);
        }
    }
}
