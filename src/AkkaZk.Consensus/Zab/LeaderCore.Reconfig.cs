using System.Buffers.Binary;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>
/// Dynamic reconfiguration on the leader (Leader.tryToCommit for a reconfig, getDesignatedLeader, commitAndActivate,
/// informAndActivate): a reconfig proposal, and every proposal after it until it commits, needs a quorum of the
/// committed config and of the proposed one; committing it activates the new config and names the next leader.
/// </summary>
public sealed partial class LeaderCore
{
    private bool _allowedToCommit = true;

    /// <summary>The newest config proposed or committed (QuorumPeer.lastSeenQuorumVerifier); NEWLEADER carries it.</summary>
    public QuorumConfig LastSeenConfig { get; private set; }

    /// <summary>A reconfig is proposed and not yet committed (PrepRequestProcessor: ReconfigInProgress).</summary>
    public bool ReconfigInProgress => LastSeenConfig.Version != Config.Version;

    /// <summary>Leader.isQuorumSynced: the leader and the followers that are serving and within their ACK deadline.</summary>
    public IReadOnlySet<long> SyncedFollowers => _learners.Values
        .Where(l => l.IsParticipant && l.Phase == LearnerPhase.Serving && CurrentTick <= l.AckDeadlineTick)
        .Select(l => l.Sid).Append(MyId).ToHashSet();

    private IReadOnlyList<QuorumConfig> Verifiers() => ReconfigInProgress ? [Config, LastSeenConfig] : [Config];

    /// <summary>
    /// Leader.lead with reconfigEnabled: a version-0 config (never versioned) takes the new epoch's first zxid as its
    /// version; NEWLEADER carries it and the NEWLEADER quorum activates it.
    /// </summary>
    private void VersionInitialConfig()
    {
        if (_options.ReconfigEnabled && Config.Version == 0 && LastSeenConfig.Version == 0)
            LastSeenConfig = Config.WithVersion(NewLeaderZxid);
    }

    private void ActivateNewLeaderConfig(ReadyBuilder<QuorumPacket> ready)
    {
        if (LastSeenConfig.Version <= Config.Version) return;
        Config = LastSeenConfig;
        ready.Activate(new ConfigActivation(Config, MyId));
    }

    private void CommitAndActivate(ReadyBuilder<QuorumPacket> ready, long zxid, OutstandingProposal proposal, QuorumConfig newConfig)
    {
        var designated = DesignatedLeader(proposal, newConfig, zxid);
        var leaderData = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(leaderData, designated);
        foreach (var learner in Forwarding(participants: true))
            ready.Send(learner.Sid, new QuorumPacket(QuorumPacketType.CommitAndActivate, zxid, leaderData));
        foreach (var learner in Forwarding(participants: false))
            ready.Send(learner.Sid, new QuorumPacket(QuorumPacketType.InformAndActivate, zxid, [.. leaderData, .. proposal.Txn.Data]));
        ready.Apply(proposal.Txn);
        Config = newConfig;
        if (LastSeenConfig.Version < newConfig.Version) LastSeenConfig = newConfig;
        ready.Activate(new ConfigActivation(newConfig, designated));
        // A leader that is not in the new config commits nothing more; its followers leave for the designated
        // leader and the synced-quorum check (which now counts the new voters only) ends this leadership.
        if (designated != MyId) _allowedToCommit = false;
    }

    /// <summary>
    /// getDesignatedLeader: this leader if it stays a voter; otherwise a new voter that acked the reconfig, preferring
    /// one that also acked the proposals after it.
    /// </summary>
    private long DesignatedLeader(OutstandingProposal reconfig, QuorumConfig newConfig, long zxid)
    {
        if (newConfig.IsVoter(MyId)) return MyId;
        var candidates = reconfig.Acks.Where(sid => sid != MyId && newConfig.IsVoter(sid)).Order().ToList();
        if (candidates.Count == 0) return MyId;
        var best = candidates[0];
        foreach (var proposal in _outstanding.Where(p => p.Key > zxid).Select(p => p.Value))
        {
            candidates = candidates.Where(proposal.Acks.Contains).ToList();
            if (candidates.Count == 0) break;
            best = candidates[0];
        }
        return best;
    }
}
