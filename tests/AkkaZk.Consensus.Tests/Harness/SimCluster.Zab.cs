using AkkaZk.Consensus;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus.Tests.Harness;

/// <summary>Running ZAB roles: connections, Ready handling, durable effects.</summary>
internal sealed partial class SimCluster
{
    private void StartZab(SimNode node, ElectionFinished finished)
    {
        if (finished.State == ServerState.Leading)
        {
            node.Leader = new LeaderCore(node.Id, Config, ZabOptions, new EpochState(node.AcceptedEpoch, node.CurrentEpoch), node.ZabLog());
            HandleZab(node, node.Leader.Start());
            // Learners already waiting for this leader connect now rather than at their next retry.
            foreach (var waiting in Nodes.Values.Where(n => n.Up && n.PendingLeader == node.Id).ToList())
                if (node.Leader is { IsStopped: false }) TryConnect(waiting);
            return;
        }
        node.PendingLeader = finished.Vote.Leader;
        node.ConnectWait = 0;
        TryConnect(node);
    }

    /// <summary>Learner.connectToLeader: retried each tick until the leader leads, given up after initLimit.</summary>
    private void TryConnect(SimNode node)
    {
        var leaderId = node.PendingLeader!.Value;
        var leaderNode = Nodes[leaderId];
        if (leaderNode.Up && leaderNode.Leader is { IsStopped: false } && Network.CanReach(node.Id, leaderId))
        {
            if (leaderNode.LearnerConnections.Remove(node.Id, out var old)) Network.Close(old);
            var connection = Network.Open(leaderId, node.Id);
            leaderNode.LearnerConnections[node.Id] = connection;
            node.FollowerConnection = connection;
            node.PendingLeader = null;
            node.Follower = new FollowerCore(node.Id, leaderId, Config, ZabOptions,
                new EpochState(node.AcceptedEpoch, node.CurrentEpoch), node.ZabLog(), isObserver: !Config.IsVoter(node.Id));
            HandleZab(node, node.Follower.Start());
            return;
        }
        if (++node.ConnectWait > ZabOptions.InitLimitHalfTicks) BackToLooking(node, "could not connect to the leader");
    }

    private void DeliverPacket(SimNode node, SimMessage message, QuorumPacket packet)
    {
        if (node.Leader is { } leader && node.LearnerConnections.GetValueOrDefault(message.From) == message.Connection)
            HandleZab(node, leader.Step(message.From, packet));
        else if (node.Follower is { } follower && node.FollowerConnection == message.Connection)
        {
            if (packet.Type == QuorumPacketType.Snap) node.Applied = [.. message.Snapshot!];
            HandleZab(node, follower.Step(packet));
        }
    }

    private void HandleZab(SimNode node, Ready<QuorumPacket> ready)
    {
        foreach (var action in ready.Persist)
        {
            if (CrashBeforePersist?.Invoke(node, action) == true)
            {
                Crash(node.Id); // the rest of this Ready never happens
                return;
            }
            Log($"  {node.Id}: persist {action}");
            Persist(node, action);
        }
        foreach (var send in ready.Send)
        {
            var connection = node.Leader is not null ? node.LearnerConnections.GetValueOrDefault(send.To) : node.FollowerConnection;
            if (TraceSends) Log($"  {node.Id} > {send.To} {send.Message}");
            if (connection == 0) continue;
            var snapshot = send.Message.Type == QuorumPacketType.Snap ? node.Applied.ToList() : null;
            Network.Send(new SimMessage(node.Id, send.To, null, send.Message, connection, snapshot));
        }
        foreach (var sid in ready.Disconnect)
        {
            Log($"  {node.Id}: disconnect {sid}");
            if (node.LearnerConnections.Remove(sid, out var connection) && Network.Close(connection))
                LearnerLost(Nodes[sid], connection);
        }
        foreach (var txn in ready.Apply)
        {
            Log($"  {node.Id}: apply {txn}");
            Apply(node, txn);
        }
        switch (ready.RoleChange)
        {
            case Established established:
                Log($"  {node.Id}: {established}");
                node.Election!.UpdateElectionVote(established.Epoch);
                if (node.Leader is not null) RecordLeader(established.Epoch, node.Id);
                break;
            case BackToLooking looking:
                BackToLooking(node, looking.Reason);
                break;
        }
        RecordCommittedView(node);
        CheckPrefixes();
    }

    private void BackToLooking(SimNode node, string reason)
    {
        Log($"  {node.Id}: looking ({reason})");
        EndZab(node);
        node.Applied = [.. node.Snapshot]; // back to durable state; the next role replays the log
        StartElection(node.Id);
    }

    /// <summary>Ends the node's ZAB role; its peers see their connections close.</summary>
    private void EndZab(SimNode node)
    {
        var learnerConnections = node.LearnerConnections.ToList();
        var followerConnection = node.FollowerConnection;
        var leaderId = node.Follower?.LeaderId;
        node.Leader = null;
        node.Follower = null;
        node.PendingLeader = null;
        node.FollowerConnection = 0;
        node.LearnerConnections.Clear();
        foreach (var (sid, connection) in learnerConnections)
            if (Network.Close(connection)) LearnerLost(Nodes[sid], connection);
        if (followerConnection != 0 && Network.Close(followerConnection) && leaderId is { } l)
            LeaderLostLearner(Nodes[l], node.Id, followerConnection);
    }

    private void LearnerLost(SimNode learner, long connection)
    {
        if (learner.Follower is { } follower && learner.FollowerConnection == connection)
            HandleZab(learner, follower.ConnectionLost());
    }

    private void LeaderLostLearner(SimNode leaderNode, long learnerId, long connection)
    {
        if (leaderNode.Leader is { } leader && leaderNode.LearnerConnections.GetValueOrDefault(learnerId) == connection)
        {
            leaderNode.LearnerConnections.Remove(learnerId);
            HandleZab(leaderNode, leader.LearnerDisconnected(learnerId));
        }
    }
}
