using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>
/// Discovery and sync on the learner (Learner.registerWithLeader, syncWithLeader as of 3.8.5+): acceptedEpoch is
/// persisted before ACKEPOCH; at NEWLEADER the snapshot (SNAP/TRUNC only, committed state only — ZOOKEEPER-1549),
/// then the sync txns (ZOOKEEPER-3911/4646), then currentEpoch (ZOOKEEPER-4643) are persisted before the ACK.
/// </summary>
public sealed partial class FollowerCore
{
    private readonly List<ZabTxn> _syncProposals = [];
    private readonly List<long> _syncCommits = [];
    private readonly List<ZabTxn> _notLogged = [];
    private readonly List<long> _requestsToAck = [];
    private bool _snapshotNeeded;
    private bool _snapReplacesLog;
    private bool _writeToTxnLog;

    /// <summary>DIFF, TRUNC or SNAP: how the leader chose to sync this learner (0 before).</summary>
    public int SyncMode { get; private set; }

    private void ReceiveLeaderInfo(ReadyBuilder<QuorumPacket> ready, QuorumPacket packet)
    {
        if (packet.Type != QuorumPacketType.LeaderInfo)
        {
            // A NEWLEADER here would be a pre-Zab-1.0 leader, which is not supported.
            Stop(ready, $"First packet should have been LEADERINFO, not {QuorumPacketType.Name(packet.Type)}");
            return;
        }
        var newEpoch = ZxidUtils.GetEpoch(packet.Zxid);
        int epochData;
        if (newEpoch > AcceptedEpoch)
        {
            epochData = (int)CurrentEpoch;
            AcceptedEpoch = newEpoch;
            ready.Persist(new PersistAcceptedEpoch(newEpoch));
        }
        else if (newEpoch == AcceptedEpoch)
            epochData = -1; // "already accepted: do not count me as an epoch ack"
        else
        {
            Stop(ready, $"Leaders epoch, {newEpoch} is less than accepted epoch, {AcceptedEpoch}");
            return;
        }
        NewEpoch = newEpoch;
        Send(ready, QuorumPacketType.AckEpoch, LastLoggedZxid, QuorumPacketData.Int(epochData));
        _phase = FollowerPhase.AwaitingSyncMode;
    }

    private void ReceiveSyncMode(ReadyBuilder<QuorumPacket> ready, QuorumPacket packet)
    {
        switch (packet.Type)
        {
            case QuorumPacketType.Diff:
                // Everything logged is in the leader's committed history: apply what the state machine lacks.
                foreach (var txn in _log) ApplyTxn(ready, txn);
                _log.Clear();
                _writeToTxnLog = true;
                break;
            case QuorumPacketType.Snap:
                // The caller loaded the snapshot stream that followed the SNAP packet.
                _log.Clear();
                AppliedZxid = packet.Zxid;
                LastLoggedZxid = packet.Zxid;
                _snapshotNeeded = true;
                _snapReplacesLog = true;
                break;
            case QuorumPacketType.Trunc when packet.Zxid < SnapshotZxid:
                ready.Persist(new WipeData());
                Stop(ready, $"Not able to truncate the log to {ZxidUtils.ToHex(packet.Zxid)} below the snapshot at {ZxidUtils.ToHex(SnapshotZxid)}");
                return;
            case QuorumPacketType.Trunc:
                ready.Persist(new TruncateLog(packet.Zxid));
                foreach (var txn in _log.Where(t => t.Zxid <= packet.Zxid)) ApplyTxn(ready, txn);
                _log.Clear();
                LastLoggedZxid = packet.Zxid;
                AppliedZxid = Math.Min(AppliedZxid, packet.Zxid);
                _snapshotNeeded = true;
                break;
            default:
                Stop(ready, $"Got unexpected packet from leader: {QuorumPacketType.Name(packet.Type)}, exiting ... ");
                return;
        }
        SyncMode = packet.Type;
        _phase = FollowerPhase.Syncing;
    }

    private void ReceiveDuringSync(ReadyBuilder<QuorumPacket> ready, QuorumPacket packet)
    {
        switch (packet.Type)
        {
            case QuorumPacketType.Proposal:
                _syncProposals.Add(new ZabTxn(packet.Zxid, packet.Data ?? []));
                break;
            case QuorumPacketType.Commit:
                if (_writeToTxnLog) _syncCommits.Add(packet.Zxid);
                else if (_syncProposals.Count > 0 && _syncProposals[0].Zxid == packet.Zxid)
                {
                    // SNAP/TRUNC: applied in memory now; the NEWLEADER snapshot makes it durable.
                    ApplyTxn(ready, _syncProposals[0]);
                    _syncProposals.RemoveAt(0);
                }
                break;
            case QuorumPacketType.Inform:
                var informed = new ZabTxn(packet.Zxid, packet.Data ?? []);
                if (_writeToTxnLog)
                {
                    _syncProposals.Add(informed);
                    _syncCommits.Add(packet.Zxid);
                }
                else ApplyTxn(ready, informed);
                break;
            case QuorumPacketType.NewLeader:
                RememberNewLeaderConfig(packet);
                AckNewLeader(ready, packet.Zxid);
                break;
            case QuorumPacketType.UpToDate:
                Stop(ready, "UPTODATE before NEWLEADER (pre-Zab-1.0 leader) is not supported");
                break;
        }
    }

    private void AckNewLeader(ReadyBuilder<QuorumPacket> ready, long newLeaderZxid)
    {
        if (_snapshotNeeded)
        {
            ready.Persist(new TakeSnapshot(AppliedZxid, _snapReplacesLog));
            SnapshotZxid = AppliedZxid;
        }
        if (_syncProposals.Count > 0)
        {
            ready.Persist(new AppendTxns([.. _syncProposals]));
            foreach (var txn in _syncProposals)
            {
                _pending.Enqueue(txn);
                if (!IsObserver) _requestsToAck.Add(txn.Zxid);
            }
            LastLoggedZxid = Math.Max(LastLoggedZxid, _syncProposals[^1].Zxid);
            _syncProposals.Clear();
        }
        CurrentEpoch = NewEpoch;
        ready.Persist(new PersistCurrentEpoch(NewEpoch));
        Send(ready, QuorumPacketType.Ack, newLeaderZxid);
        _writeToTxnLog = true;
        _phase = FollowerPhase.AwaitingUpToDate;
    }
}
