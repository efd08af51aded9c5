using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>Time: handshake deadlines, the synced-quorum check each tick, PINGs and the per-learner ACK deadline.</summary>
public sealed partial class LeaderCore
{
    /// <summary>Call every tickTime/2, as Leader.lead wakes.</summary>
    public Ready<QuorumPacket> Tick()
    {
        _halfTicks++;
        var ready = new ReadyBuilder<QuorumPacket>();
        if (_stopped) return ready.Build();
        if (!IsEstablished)
        {
            if (_halfTicks >= _barrierDeadline) Stop(ready, BarrierTimeoutReason());
            return ready.Build();
        }
        if (_halfTicks % 2 == 0)
        {
            var synced = _learners.Values.Where(l => CurrentTick <= l.AckDeadlineTick).Select(l => l.Sid).Append(MyId).ToList();
            if (!Config.IsQuorum(synced))
            {
                Stop(ready, $"Not sufficient followers synced, only synced with sids: [ {string.Join(",", synced.Where(Config.IsVoter).Order())} ]");
                return ready.Build();
            }
        }
        foreach (var learner in _learners.Values.Where(l => l.Forwarding).OrderBy(l => l.Sid).ToList())
        {
            // SyncLimitCheck: a learner holding back an ACK longer than syncLimit is closed.
            if (learner.Unacked.Count > 0 && _halfTicks - learner.Unacked.Peek().SentAt > _options.SyncLimitHalfTicks)
            {
                Drop(ready, learner); // "transaction timeout"
                continue;
            }
            ready.Send(learner.Sid, new QuorumPacket(QuorumPacketType.Ping, LastProposedZxid));
        }
        return ready.Build();
    }

    private string BarrierTimeoutReason() =>
        !_epochChosen ? "Timeout while waiting for epoch from quorum"
        : !_epochAcked ? "Timeout while waiting for epoch to be acked by quorum"
        : "Timeout while waiting for NEWLEADER to be acked by quorum";
}
