using AkkaZk.Jute;

namespace AkkaZk.Persistence.Tests;

internal static class TestTxns
{
    public static Txn SetData(long zxid, string path = "/a") =>
        new(new TxnHeader(0x1234, (int)zxid, zxid, 1_700_000_000_000 + zxid, OpCode.SetData),
            new SetDataTxn(path, [(byte)zxid, 1, 2, 3], (int)zxid));

    public static Txn[] Range(long from, int count) =>
        Enumerable.Range(0, count).Select(i => SetData(from + i)).ToArray();

    public static long[] Zxids(this IEnumerable<Txn> txns) => txns.Select(t => t.Zxid).ToArray();

    public static long[] Sequence(long from, long to) =>
        Enumerable.Range(0, (int)(to - from + 1)).Select(i => from + i).ToArray();
}
