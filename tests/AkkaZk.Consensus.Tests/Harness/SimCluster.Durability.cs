using AkkaZk.Consensus;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus.Tests.Harness;

/// <summary>What persist and apply do to a simulated server, with the checks that guard them.</summary>
internal sealed partial class SimCluster
{
    private static void Persist(SimNode node, PersistAction action)
    {
        switch (action)
        {
            case PersistAcceptedEpoch accepted:
                node.AcceptedEpoch = accepted.Epoch;
                break;
            case PersistCurrentEpoch current:
                if (current.Epoch > node.AcceptedEpoch)
                    throw new InvariantViolation($"{node.Id}: currentEpoch {current.Epoch} above acceptedEpoch {node.AcceptedEpoch}");
                node.CurrentEpoch = current.Epoch;
                break;
            case AppendTxns append:
                foreach (var txn in append.Txns)
                {
                    if (txn.Zxid <= node.LastLoggedZxid)
                        throw new InvariantViolation($"{node.Id}: append {txn} after {ZxidUtils.ToHex(node.LastLoggedZxid)}");
                    node.Log.Add(txn);
                }
                break;
            case TruncateLog truncate:
                if (node.SnapshotZxid > truncate.Zxid)
                    throw new InvariantViolation($"{node.Id}: TRUNC to {ZxidUtils.ToHex(truncate.Zxid)} below its snapshot (ZOOKEEPER-1549)");
                node.Log.RemoveAll(t => t.Zxid > truncate.Zxid);
                node.Applied.RemoveAll(t => t.Zxid > truncate.Zxid); // rebuilt from snapshot + truncated log
                break;
            case WipeData:
                node.Log.Clear();
                node.Snapshot = [];
                node.Applied = [];
                break;
            case TakeSnapshot snapshot:
                // A state at z holds every txn up to z; after SNAP(z) the last txn may be older than z (e.g. (epoch, 0)).
                if (node.AppliedZxid > snapshot.Zxid)
                    throw new InvariantViolation($"{node.Id}: snapshot at {ZxidUtils.ToHex(snapshot.Zxid)} of a state at {ZxidUtils.ToHex(node.AppliedZxid)}");
                node.Snapshot = [.. node.Applied];
                if (snapshot.ReplacesLog) node.Log.Clear();
                break;
        }
    }

    private static void Apply(SimNode node, ZabTxn txn)
    {
        if (txn.Zxid <= node.AppliedZxid)
            throw new InvariantViolation($"{node.Id}: applied {txn} after {ZxidUtils.ToHex(node.AppliedZxid)}");
        node.Applied.Add(txn);
    }

    private void RecordLeader(long epoch, long sid)
    {
        if (LeaderOfEpoch.TryGetValue(epoch, out var other) && other != sid)
            throw new InvariantViolation($"two leaders in epoch {epoch}: {other} and {sid}");
        LeaderOfEpoch[epoch] = sid;
    }

    /// <summary>
    /// A serving server (established leader, or learner after UPTODATE) exposes its state machine: record it as
    /// that server's committed view. Before that the state may hold an unestablished leader's uncommitted tail,
    /// as ZooKeeper's tree does after loading its log; it is not served.
    /// </summary>
    private void RecordCommittedView(SimNode node)
    {
        if (!node.Up || !(node.Leader is { IsEstablished: true, IsStopped: false } || node.Follower is { IsEstablished: true, IsStopped: false }))
            return;
        node.Committed = [.. node.Applied];
        EverCommitted.UnionWith(node.Applied);
    }

    /// <summary>Every pair of committed views agrees: one history is a prefix of the other.</summary>
    public void CheckPrefixes()
    {
        var histories = Nodes.Values.Select(n => (n.Id, Applied: n.Committed)).ToList();
        for (var i = 0; i < histories.Count; i++)
            for (var j = i + 1; j < histories.Count; j++)
            {
                var (a, b) = (histories[i].Applied, histories[j].Applied);
                var common = Math.Min(a.Count, b.Count);
                for (var k = 0; k < common; k++)
                    if (!a[k].Equals(b[k]))
                        throw new InvariantViolation(
                            $"servers {histories[i].Id} and {histories[j].Id} differ at #{k}: {a[k]} vs {b[k]}");
            }
    }
}
