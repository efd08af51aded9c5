using AkkaZk.Jute;
using BenchmarkDotNet.Attributes;

namespace AkkaZk.Benchmarks;

/// <summary>
/// DataTree.ProcessTxn of create, setData and delete txns on a tree of 10k znodes under 100 parents: each
/// invocation creates one node, sets its data and deletes it, so the tree is the same after every invocation.
/// </summary>
[MemoryDiagnoser]
public class TreeApplyBenchmarks
{
    private const int Znodes = 10_000;
    private DataTree.DataTree _tree = null!;
    private Txn _create = null!;
    private Txn _setData = null!;
    private Txn _delete = null!;
    private long _zxid;

    [GlobalSetup]
    public void Setup()
    {
        _tree = new DataTree.DataTree();
        TreeBuilder.Populate(_tree, Znodes, parents: 100, ref _zxid);
        const string path = "/bench/p0042/n99999999999999";
        _create = Txn(OpCode.Create, new CreateTxn(path, new byte[32], Acl.OpenAclUnsafe, false, -1));
        _setData = Txn(OpCode.SetData, new SetDataTxn(path, new byte[32], 1));
        _delete = Txn(OpCode.Delete, new DeleteTxn(path));
    }

    [Benchmark(OperationsPerInvoke = 3)]
    public int CreateSetDataDelete()
    {
        var errors = (int)_tree.ProcessTxn(_create).Err;
        errors += (int)_tree.ProcessTxn(_setData).Err;
        errors += (int)_tree.ProcessTxn(_delete).Err;
        return errors;
    }

    private Txn Txn(int type, ITxnBody body) => new(new TxnHeader(1, 1, ++_zxid, 0, type), body);
}
