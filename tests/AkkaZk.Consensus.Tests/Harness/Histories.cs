using AkkaZk.Consensus;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus.Tests.Harness;

/// <summary>Builds txn histories: the txn at a zxid is the same everywhere, as in a real ensemble.</summary>
internal static class Histories
{
    public static ZabTxn Txn(long epoch, long counter) => Txn(ZxidUtils.MakeZxid(epoch, counter));

    public static ZabTxn Txn(long zxid) => new(zxid, System.Text.Encoding.UTF8.GetBytes("txn " + ZxidUtils.ToHex(zxid)));

    /// <summary>Segments of (epoch, first counter, last counter).</summary>
    public static List<ZabTxn> Of(params (long Epoch, long From, long To)[] segments) =>
        [.. segments.SelectMany(s => Enumerable.Range((int)s.From, (int)(s.To - s.From + 1)).Select(c => Txn(s.Epoch, c)))];

    /// <summary>Gives a node a durable past: both epochs and a log, nothing applied yet.</summary>
    public static void Seed(this SimCluster cluster, long sid, long epoch, List<ZabTxn> log, long? acceptedEpoch = null)
    {
        var node = cluster[sid];
        node.CurrentEpoch = epoch;
        node.AcceptedEpoch = acceptedEpoch ?? epoch;
        node.Log.Clear();
        node.Log.AddRange(log);
    }

    public static bool AllSettled(this SimCluster cluster) =>
        cluster.EstablishedLeader is { } leader
        && cluster.Nodes.Values.Where(n => n.Up).All(n => n == leader || (n.Follower is { IsEstablished: true } f && f.LeaderId == leader.Id));
}
