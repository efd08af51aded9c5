using AkkaZk.Jute;
using AkkaZk.Persistence;
using BenchmarkDotNet.Attributes;

namespace AkkaZk.Benchmarks;

/// <summary>SqliteJournal.AppendSerialized of a 64-txn batch of creates (32 B data) in a temp dir, fsync on: one durable commit.</summary>
[MemoryDiagnoser]
public class JournalBatchBenchmarks
{
    private const int BatchSize = 64;
    private string _directory = string.Empty;
    private SqliteJournal _journal = null!;
    private long _zxid;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("akkazk-journal-bench-").FullName;
        _journal = SqliteJournal.Open(_directory, JournalOptions.Durable);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _journal.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public void AppendBatchOf64()
    {
        var batch = new SerializedTxn[BatchSize];
        for (var i = 0; i < batch.Length; i++)
        {
            var zxid = ++_zxid;
            var create = new CreateTxn($"/bench/p0001/n{zxid:D14}", new byte[32], Acl.OpenAclUnsafe, false, -1);
            batch[i] = SerializedTxn.From(new Txn(new TxnHeader(1, i, zxid, 0, OpCode.Create), create));
        }
        _journal.AppendSerialized(batch);
    }
}
