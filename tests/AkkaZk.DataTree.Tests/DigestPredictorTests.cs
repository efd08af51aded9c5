using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

public sealed class DigestPredictorTests
{
    /// <summary>
    /// A leader predicts each txn's digest while up to <paramref name="lag"/> earlier txns are still unapplied;
    /// every prediction must equal the digest a tree has once it applied the log up to that txn.
    /// </summary>
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 7)]
    [InlineData(4, 60)]
    public void Every_prediction_equals_the_digest_after_applying_the_txn(int seed, int lag)
    {
        var live = new Harness(new PrepSettings(ExtendedTypesEnabled: true));
        var generator = new RandomWorkload(seed, live);
        for (var i = 0; i < 800; i++) generator.Step();

        var reference = new DataTree(extendedTypesEnabled: true);
        var lagging = new DataTree(extendedTypesEnabled: true);
        var predictor = new DigestPredictor(lagging);
        var applied = 0;
        foreach (var txn in live.Log)
        {
            var predicted = predictor.Next(txn);
            reference.ProcessTxn(txn);
            if (txn.Type == OpCode.Error) Assert.Null(predicted);
            else Assert.Equal(reference.TreeDigest, predicted!.TreeDigest);

            while (applied < live.Log.Count && live.Log[applied].Zxid <= txn.Zxid - lag)
            {
                lagging.ProcessTxn(live.Log[applied]);
                predictor.Applied(live.Log[applied++].Zxid);
            }
        }
        Assert.Contains(live.Log, t => t.Type == OpCode.CloseSession);
    }

    [Fact]
    public void A_close_prepared_behind_a_delete_of_its_ephemeral_leaves_the_parent_alone()
    {
        // The session's only ephemeral is deleted, then the session closed, both before either is applied: the
        // close lists no path, and when it applies the tree deletes nothing, so the parent's pzxid stays.
        var h = new Harness();
        h.CreateSession(5);
        h.Create("/p", "");
        h.Create("/p/e", "", (int)CreateMode.Ephemeral, session: 5);
        var predictor = new DigestPredictor(h.Tree);
        var delete = h.PrepOnly(new PrepOp.Delete("/p/e", -1), session: 5);
        var close = h.Prep.PrepareCloseSession(h.Next(5));
        Assert.Empty(Assert.IsType<CloseSessionTxn>(close.Body).Paths2Delete);
        var predicted = new[] { predictor.Next(delete)!, predictor.Next(close)! };

        h.Apply(delete);
        Assert.Equal(h.Tree.TreeDigest, predicted[0].TreeDigest);
        h.Apply(close);
        Assert.Equal(h.Tree.TreeDigest, predicted[1].TreeDigest);
    }

    [Fact]
    public void A_close_deletes_the_ephemerals_its_session_creates_before_it_applies()
    {
        var h = new Harness();
        h.CreateSession(5);
        var predictor = new DigestPredictor(h.Tree);
        var create = h.PrepOnly(Harness.CreateOp("/e", "x", (int)CreateMode.Ephemeral), session: 5);
        var close = h.Prep.PrepareCloseSession(h.Next(5));
        // A txn listing nothing (closeSessionTxn disabled): the tree deletes what the session owns by then.
        var bare = close with { Body = new CloseSessionTxn([]) };
        var predicted = new[] { predictor.Next(create)!, predictor.Next(bare)! };

        h.Apply(create);
        Assert.Equal(h.Tree.TreeDigest, predicted[0].TreeDigest);
        h.Apply(bare);
        Assert.Null(h.Tree.StatOf("/e"));
        Assert.Equal(h.Tree.TreeDigest, predicted[1].TreeDigest);
    }

    [Fact]
    public void Reset_forgets_the_unapplied_txns()
    {
        var h = new Harness();
        var predictor = new DigestPredictor(h.Tree);
        var first = h.PrepOnly(Harness.CreateOp("/a", "x"));
        Assert.NotEqual(h.Tree.TreeDigest, predictor.Next(first)!.TreeDigest);
        predictor.Reset();
        h.Prep.Reset();
        var session = h.Prep.PrepareCreateSession(h.Next(5), 30_000);
        Assert.Equal(h.Tree.TreeDigest, predictor.Next(session)!.TreeDigest);
    }
}
