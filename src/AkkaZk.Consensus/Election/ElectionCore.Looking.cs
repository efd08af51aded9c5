using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus;

/// <summary>lookForLeader's handling of one notification from a voter while LOOKING.</summary>
public sealed partial class ElectionCore
{
    private void Process(ReadyBuilder<Notification> ready, long from, Notification n)
    {
        if (!Config.IsVoter(n.Leader)) return;
        switch (n.State)
        {
            case ServerState.Looking:
                ProcessLooking(ready, from, n);
                break;
            case ServerState.Following:
            case ServerState.Leading:
                ProcessOutOfElection(ready, from, n);
                break;
            default:
                break; // OBSERVING notifications are ignored.
        }
    }

    private void ProcessLooking(ReadyBuilder<Notification> ready, long from, Notification n)
    {
        if (_initLastLoggedZxid == -1 || n.Zxid == -1) return;
        if (n.ElectionEpoch > LogicalClock)
        {
            // A later round: join it, forget this round's votes, and re-decide from our initial vote.
            LogicalClock = n.ElectionEpoch;
            _recvSet.Clear();
            Proposal = TotalOrder(n.Leader, n.Zxid, n.PeerEpoch, InitialVote().Leader, _initLastLoggedZxid, _initPeerEpoch)
                ? new Vote(n.Leader, n.Zxid, LogicalClock, n.PeerEpoch)
                : InitialVote();
            SendNotifications(ready);
        }
        else if (n.ElectionEpoch < LogicalClock)
            return;
        else if (TotalOrder(n.Leader, n.Zxid, n.PeerEpoch, Proposal.Leader, Proposal.Zxid, Proposal.PeerEpoch))
        {
            Proposal = new Vote(n.Leader, n.Zxid, LogicalClock, n.PeerEpoch);
            SendNotifications(ready);
        }
        RecordLookingVote(from, new Vote(n.Leader, n.Zxid, n.ElectionEpoch, n.PeerEpoch));
    }

    private void RecordLookingVote(long from, Vote vote)
    {
        _recvSet[from] = vote;
        var proposal = new Vote(Proposal.Leader, Proposal.Zxid, LogicalClock, Proposal.PeerEpoch);
        if (!_finalizeDeadline.HasValue && HasQuorum(_recvSet, proposal))
            _finalizeDeadline = _now + _options.FinalizeWaitTicks;
    }

    /// <summary>receivedFollowingNotification / receivedLeadingNotification.</summary>
    private void ProcessOutOfElection(ReadyBuilder<Notification> ready, long from, Notification n)
    {
        var vote = new Vote(n.Leader, n.Zxid, n.ElectionEpoch, n.PeerEpoch, n.State, n.Version);
        var endVote = new Vote(n.Leader, n.Zxid, n.ElectionEpoch, n.PeerEpoch);
        if (n.ElectionEpoch == LogicalClock)
        {
            // Same round: the recorded vote carries no version, as ZooKeeper's 5-argument Vote.
            _recvSet[from] = vote with { Version = 0 };
            if (HasQuorum(_recvSet, vote) && CheckLeader(_recvSet, n.Leader, n.ElectionEpoch))
            {
                Finish(ready, n.Leader, endVote);
                return;
            }
        }
        // Joining an established ensemble: a quorum of FOLLOWING/LEADING votes, whatever round they were cast in.
        _outOfElection[from] = vote;
        if (HasQuorum(_outOfElection, vote) && CheckLeader(_outOfElection, n.Leader, n.ElectionEpoch))
        {
            LogicalClock = n.ElectionEpoch;
            Finish(ready, n.Leader, endVote);
        }
    }

    /// <summary>
    /// checkLeader: following someone else needs that server's own LEADING vote among the votes; leading needs the
    /// votes to be from our own round, so a stale quorum cannot make us lead.
    /// </summary>
    private bool CheckLeader(Dictionary<long, Vote> votes, long leader, long electionEpoch)
    {
        if (leader != MyId)
            return votes.TryGetValue(leader, out var leaderVote) && leaderVote.State == ServerState.Leading;
        return LogicalClock == electionEpoch;
    }

    private bool HasQuorum(Dictionary<long, Vote> votes, Vote target) =>
        Config.IsQuorum(votes.Where(kv => target.Matches(kv.Value)).Select(kv => kv.Key));

    /// <summary>totalOrderPredicate: peerEpoch, then zxid, then sid; a non-voter (weight 0) never wins.</summary>
    private bool TotalOrder(long newId, long newZxid, long newEpoch, long curId, long curZxid, long curEpoch)
    {
        if (!Config.IsVoter(newId)) return false;
        return newEpoch > curEpoch
               || (newEpoch == curEpoch && (newZxid > curZxid || (newZxid == curZxid && newId > curId)));
    }

    private void SendNotifications(ReadyBuilder<Notification> ready)
    {
        foreach (var sid in Config.Voters)
        {
            if (sid == MyId) continue;
            ready.Send(sid, Notification.Create(ServerState.Looking, Proposal.Leader, Proposal.Zxid, LogicalClock,
                Proposal.PeerEpoch, Config.ConfigString));
        }
        // ZooKeeper loops the notification back to itself; recording it directly is the same as receiving it.
        if (IAmVoter) RecordLookingVote(MyId, new Vote(Proposal.Leader, Proposal.Zxid, LogicalClock, Proposal.PeerEpoch));
    }

    private void Finish(ReadyBuilder<Notification> ready, long leader, Vote endVote)
    {
        // learningState: only a configured observer observes; a server removed from the config follows as a non-voter.
        State = leader == MyId ? ServerState.Leading
            : IAmVoter || !Config.IsMember(MyId) ? ServerState.Following : ServerState.Observing;
        CurrentVote = endVote;
        _recvSet.Clear();
        _outOfElection.Clear();
        _finalizeDeadline = null;
        ready.Role(new ElectionFinished(State, endVote));
    }
}
