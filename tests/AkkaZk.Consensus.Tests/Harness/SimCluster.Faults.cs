namespace AkkaZk.Consensus.Tests.Harness;

/// <summary>Crashes, restarts and partitions.</summary>
internal sealed partial class SimCluster
{
    /// <summary>kill -9: volatile state is lost, connections reset, queued messages to and from it vanish.</summary>
    public void Crash(long sid)
    {
        var node = Nodes[sid];
        if (!node.Up) return;
        Log($"crash {sid}");
        EndZab(node);
        node.Up = false;
        node.Election = null;
        node.Applied = [];
        Network.DropAllFrom(sid);
    }

    /// <summary>Start-up: the state machine is the snapshot; the log is replayed by the next role's core.</summary>
    public void Restart(long sid)
    {
        var node = Nodes[sid];
        if (node.Up) return;
        Log($"restart {sid}");
        node.Up = true;
        node.Applied = [.. node.Snapshot];
        StartElection(sid);
    }

    /// <summary>Cuts the network into groups; quorum connections across a cut reset at once.</summary>
    public void Partition(IReadOnlyList<IReadOnlyList<long>> groups)
    {
        Log($"partition {string.Join(" | ", groups.Select(g => string.Join(" ", g)))}");
        Network.Partition(groups);
        foreach (var (connection, (leader, learner)) in Network.Connections.ToList())
        {
            if (Network.CanReach(leader, learner)) continue;
            Network.Close(connection);
            LearnerLost(Nodes[learner], connection);
            LeaderLostLearner(Nodes[leader], learner, connection);
        }
    }

    public void Heal()
    {
        Log("heal");
        Network.Heal();
    }
}
