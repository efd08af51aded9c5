using AkkaZk.Jute;

namespace AkkaZk.Benchmarks;

/// <summary>Builds the bench `tree` workload's shape (/bench/pNNNN/n + 14 digits, 32 B data) through ProcessTxn.</summary>
internal static class TreeBuilder
{
    public static void Populate(DataTree.DataTree tree, int znodes, int parents, ref long zxid)
    {
        Create(tree, "/bench", null, ref zxid);
        for (var j = 0; j < parents; j++) Create(tree, $"/bench/p{j:D4}", null, ref zxid);
        for (var i = 0; i < znodes; i++) Create(tree, $"/bench/p{i % parents:D4}/n{i:D14}", new byte[32], ref zxid);
    }

    private static void Create(DataTree.DataTree tree, string path, byte[]? data, ref long zxid)
    {
        zxid++;
        var txn = new Txn(new TxnHeader(1, 1, zxid, 0, OpCode.Create), new CreateTxn(path, data, Acl.OpenAclUnsafe, false, -1));
        if (tree.ProcessTxn(txn).Err != ErrorCode.Ok) throw new InvalidOperationException($"create {path} failed");
    }
}
