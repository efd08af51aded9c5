using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>Between the NEWLEADER ACK and UPTODATE: proposals and commits are held, then logged, acked and applied.</summary>
public sealed partial class FollowerCore
{
    private void ReceiveAfterNewLeader(ReadyBuilder<QuorumPacket> ready, QuorumPacket packet)
    {
        switch (packet.Type)
        {
            case QuorumPacketType.Proposal:
                _notLogged.Add(new ZabTxn(packet.Zxid, packet.Data ?? []));
                break;
            case QuorumPacketType.Commit:
                _syncCommits.Add(packet.Zxid);
                break;
            case QuorumPacketType.Inform:
                _notLogged.Add(new ZabTxn(packet.Zxid, packet.Data ?? []));
                _syncCommits.Add(packet.Zxid);
                break;
            case QuorumPacketType.UpToDate:
                BecomeUpToDate(ready);
                break;
        }
    }

    /// <summary>
    /// UPTODATE: ACK(newEpoch, 0), then the ACKs of the txns persisted at NEWLEADER, then the proposals that came
    /// after NEWLEADER are logged and acked, and every remembered COMMIT is applied.
    /// </summary>
    private void BecomeUpToDate(ReadyBuilder<QuorumPacket> ready)
    {
        Send(ready, QuorumPacketType.Ack, ZxidUtils.MakeZxid(NewEpoch, 0));
        foreach (var zxid in _requestsToAck) Send(ready, QuorumPacketType.Ack, zxid);
        _requestsToAck.Clear();
        _phase = FollowerPhase.Broadcast;
        ActivateNewLeaderConfig(ready);
        ready.Role(new Established(NewEpoch));
        foreach (var txn in _notLogged) LogAndAck(ready, txn);
        _notLogged.Clear();
        foreach (var zxid in _syncCommits)
        {
            Commit(ready, zxid);
            if (IsStopped) return;
        }
        _syncCommits.Clear();
    }
}
