using AkkaZk.DataTree;
using BenchmarkDotNet.Attributes;

namespace AkkaZk.Benchmarks;

/// <summary>Snapshot body serialize/deserialize of a 100k-znode tree, in memory (no file, no seals).</summary>
[MemoryDiagnoser]
public class SnapshotBenchmarks
{
    private DataTree.DataTree _tree = null!;
    private byte[] _snapshot = [];
    private MemoryStream _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tree = new DataTree.DataTree();
        long zxid = 0;
        TreeBuilder.Populate(_tree, 100_000, parents: 1000, ref zxid);
        _output = new MemoryStream(32 * 1024 * 1024);
        SnapshotSerializer.Serialize(_tree, _output);
        _snapshot = _output.ToArray();
    }

    [Benchmark]
    public long Serialize100k()
    {
        _output.Position = 0;
        SnapshotSerializer.Serialize(_tree, _output);
        return _output.Position;
    }

    [Benchmark]
    public int Deserialize100k() => SnapshotSerializer.Deserialize(new MemoryStream(_snapshot, writable: false), 1).NodeCount;
}
