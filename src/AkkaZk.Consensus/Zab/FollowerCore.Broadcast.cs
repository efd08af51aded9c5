using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>The learner's main loop (Follower.processPacket, Observer.processPacket).</summary>
public sealed partial class FollowerCore
{
    private readonly Queue<ZabTxn> _pending = new();

    private void ReceiveBroadcast(ReadyBuilder<QuorumPacket> ready, QuorumPacket packet)
    {
        switch (packet.Type)
        {
            case QuorumPacketType.Proposal when !IsObserver:
                LogAndAck(ready, new ZabTxn(packet.Zxid, packet.Data ?? []));
                break;
            case QuorumPacketType.Commit when !IsObserver:
                Commit(ready, packet.Zxid);
                break;
            case QuorumPacketType.Inform when IsObserver:
                var txn = new ZabTxn(packet.Zxid, packet.Data ?? []);
                ready.Persist(new AppendTxns([txn]));
                LastLoggedZxid = txn.Zxid;
                ApplyTxn(ready, txn);
                break;
            case QuorumPacketType.Ping:
                Send(ready, QuorumPacketType.Ping, packet.Zxid, []);
                break;
            default:
                break; // UPTODATE is an error in ZooKeeper's log only; SYNC/REVALIDATE belong to the caller.
        }
    }

    /// <summary>SyncRequestProcessor → SendAckRequestProcessor: the ACK leaves only after the append is durable.</summary>
    private void LogAndAck(ReadyBuilder<QuorumPacket> ready, ZabTxn txn)
    {
        ready.Persist(new AppendTxns([txn]));
        _pending.Enqueue(txn);
        LastLoggedZxid = txn.Zxid;
        if (!IsObserver) Send(ready, QuorumPacketType.Ack, txn.Zxid);
    }

    /// <summary>FollowerZooKeeperServer.commit: the COMMIT must name the oldest pending txn; anything else is fatal.</summary>
    private void Commit(ReadyBuilder<QuorumPacket> ready, long zxid)
    {
        if (_pending.Count == 0) return; // "Committing zxid without seeing txn": only a warning
        var head = _pending.Peek();
        if (head.Zxid != zxid)
        {
            Stop(ready, $"Committing zxid {ZxidUtils.ToHex(zxid)} but next pending txn {ZxidUtils.ToHex(head.Zxid)}");
            return;
        }
        _pending.Dequeue();
        ApplyTxn(ready, head);
    }
}
