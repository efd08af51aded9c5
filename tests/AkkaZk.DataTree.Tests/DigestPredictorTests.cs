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
