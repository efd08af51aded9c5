using System.Buffers.Binary;
using AkkaZk.Actors;
using AkkaZk.Jute;
using AkkaZk.Jute.Quorum;
using Microsoft.Extensions.Logging;

namespace AkkaZk.Server.Ensemble.Zab;

// REQUEST and REVALIDATE packets from learners (QUORUM 8.1) and sync (QUORUM 9); the leader's numbers for mntr.
public sealed partial class LeaderActor
{
    /// <summary>REQUEST data: long sessionId, int cxid, int type, then the client's request body.</summary>
    private void ForwardRequest(long sid, QuorumPacket packet)
    {
        var data = packet.Data;
        if (data is null || data.Length < 16)
        {
            Context.Log.LogWarning("Node {Id}: REQUEST from learner {Sid} without a header refused", _settings.MyId, sid);
            return;
        }
        var sessionId = BinaryPrimitives.ReadInt64BigEndian(data);
        var cxid = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(8));
        var type = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(12));
        if (type == OpCode.Sync)
        {
            QueueSync(sid);
            return;
        }
        if (!_core.IsEstablished || _ended) return;
        _tree.Tell(new ZabProtocol.ForwardedRequest(sessionId, cxid, type, data[16..], packet.AuthInfo ?? [], sid), Self);
    }

    /// <summary>
    /// Leader.revalidateSession: REVALIDATE data is long sessionId, int timeout; the answer (long sessionId, boolean
    /// valid) comes from the tree, which touches a live session and makes the learner its owner.
    /// </summary>
    private void RevalidateSession(long sid, QuorumPacket packet)
    {
        if (packet.Data is not { Length: >= 12 } data)
        {
            Context.Log.LogWarning("Node {Id}: REVALIDATE from learner {Sid} without a session and timeout refused", _settings.MyId, sid);
            return;
        }
        if (!_core.IsEstablished || _ended) return;
        _tree.Tell(new ZabProtocol.RevalidateSession(BinaryPrimitives.ReadInt64BigEndian(data),
            BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(8)), sid), Self);
    }

    private void AnswerRevalidate(ZabProtocol.SessionRevalidated m)
    {
        var reply = new byte[9];
        BinaryPrimitives.WriteInt64BigEndian(reply, m.SessionId);
        reply[8] = m.Valid ? (byte)1 : (byte)0;
        Send(m.Learner, new QuorumPacket(QuorumPacketType.Revalidate, -1, reply));
    }

    /// <summary>Leader.processSync: answered now when nothing is outstanding, else right after the last proposal commits.</summary>
    private ZabProtocol.ReconfigView? _sharedView;

    private void QueueSync(long sid)
    {
        _pendingSyncs.Add((_core.LastProposedZxid, sid));
        AnswerSyncs();
    }

    private void AnswerSyncs()
    {
        _pendingSyncs.RemoveAll(sync =>
        {
            if (sync.Zxid > _lastCommitted) return false;
            Send(sync.Sid, new QuorumPacket(QuorumPacketType.Sync, 0));
            return true;
        });
    }

    private LeaderStats Stats() => new(_handlers.Count, _core.Learners.Count(_core.Config.IsVoter),
        _core.Learners.Count(sid => !_core.Config.IsVoter(sid)), _pendingSyncs.Count);

    /// <summary>Tells the tree what its reconfig checks need whenever it changed (configs, synced followers).</summary>
    private void ShareReconfigView()
    {
        if (!_core.IsEstablished) return;
        var view = new ZabProtocol.ReconfigView(_core.LastSeenConfig, _core.Config.Version, _core.SyncedFollowers);
        if (_sharedView is { } shared && shared.LastSeen.Version == view.LastSeen.Version
            && shared.CommittedVersion == view.CommittedVersion && shared.Synced.SetEquals(view.Synced)) return;
        _sharedView = view;
        _tree.Tell(view, Self);
    }

    /// <summary>Asks the leader for its mntr numbers; answered with <see cref="LeaderStats"/>.</summary>
    public sealed record GetLeaderStats;

    /// <summary>Connected learners, learners the leader keeps in sync (voters, observers), and syncs awaiting their SYNC.</summary>
    public sealed record LeaderStats(int Followers, int SyncedFollowers, int SyncedObservers, int PendingSyncs);
}
