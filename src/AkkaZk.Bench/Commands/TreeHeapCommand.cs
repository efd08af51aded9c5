using System.CommandLine;
using System.Diagnostics;
using AkkaZk.Bench.Cli;
using AkkaZk.Jute;
using AkkaZk.Persistence;

namespace AkkaZk.Bench.Commands;

/// <summary>
/// `tree-heap`: builds the `tree` workload's shape in-process (no sockets) through the server's apply path
/// (CreateTxn → DataTree.ProcessTxn), then reports managed heap per znode, and the snapshot's size, write time
/// (fsync'd, through SnapshotStore) and load time (through TreeRecovery, as the server starts).
/// </summary>
public static class TreeHeapCommand
{
    public static Command Create()
    {
        var znodes = Options.Positive("--znodes", 1_000_000, "znodes to create");
        var parents = Options.Positive("--parents", 1000, "parents to spread them over");
        var valueSize = new Option<int>("--value-size") { Description = "bytes of data per znode", DefaultValueFactory = _ => 32 };
        var journal = new Option<bool>("--journal")
        {
            Description = "also journal every create (batches of 1000, fsync off while loading) and time the journal's open scan",
        };
        var replay = new Option<int>("--replay")
        {
            Description = "with --journal: take the snapshot this many creates before the end, so recovery replays them",
        };
        var command = new Command("tree-heap", "build N znodes in-process through DataTree.ProcessTxn; report heap/znode and snapshot save/load")
        {
            znodes, parents, valueSize, journal, replay,
        };
        command.SetAction(parse =>
        {
            Run(parse.GetValue(znodes), parse.GetValue(parents), parse.GetValue(valueSize), parse.GetValue(journal),
                parse.GetValue(journal) ? parse.GetValue(replay) : 0);
            return 0;
        });
        return command;
    }

    private static void Run(int znodes, int parents, int valueSize, bool withJournal, int replay)
    {
        var root = BenchRoot.New("tree");
        var value = BenchRoot.Value(valueSize);
        var dir = Directory.CreateTempSubdirectory("akkazk-tree-heap-");
        var store = new SnapshotStore(dir.FullName);
        var heapBefore = LiveHeap();
        var started = Stopwatch.GetTimestamp();
        var (tree, early) = Build(store, () => Creates(root, znodes, parents, value).ToList(), replay);
        var buildMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var heapAfter = LiveHeap();
        var perZnode = (heapAfter - heapBefore) / (double)(znodes + parents + 1);
        Console.WriteLine($"tree-heap: {znodes:N0} znodes under {parents:N0} parents, {valueSize} B data, 15-character names");
        Console.WriteLine($"  build (ProcessTxn): {buildMs:F0} ms; managed heap {Mb(heapAfter - heapBefore)} MB => {perZnode:F1} B/znode");

        try
        {
            if (withJournal) WriteJournal(dir.FullName, root, znodes, parents, value);
            var (info, saveMs) = early ?? Save(store, tree);
            Console.WriteLine($"  snapshot at zxid 0x{info.Zxid:x}: {Mb(info.Size)} MB ({info.Size / (double)(znodes + parents + 1 - replay):F1} B/znode), written + fsync'd in {saveMs:F0} ms");

            var lastZxid = tree.LastProcessedZxid;
            tree = null;
            var heapEmpty = LiveHeap();
            started = Stopwatch.GetTimestamp();
            using var journal = SqliteJournal.Open(dir.FullName, JournalOptions.Durable);
            if (withJournal) Console.WriteLine($"  journal open scan: {journal.Count:N0} rows in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
            started = Stopwatch.GetTimestamp();
            if (!store.IsValid(info)) throw new InvalidOperationException("the snapshot just written does not validate");
            var validateMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (replay > 0)
            {
                started = Stopwatch.GetTimestamp();
                var read = journal.ReadAfter(info.Zxid).Count();
                Console.WriteLine($"  journal read + decode of the {read:N0} txns after the snapshot: {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
            }
            started = Stopwatch.GetTimestamp();
            var recovered = TreeRecovery.Recover(store, journal);
            var loadMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var heapLoaded = LiveHeap();
            if (recovered.Tree.LastProcessedZxid != lastZxid) throw new InvalidOperationException("recovered a different zxid");
            Console.WriteLine($"  recovery (TreeRecovery: snapshot + {recovered.TxnsReplayed:N0} journal txns): {loadMs:F0} ms (the seal check alone takes {validateMs:F0} ms); loaded tree heap {(heapLoaded - heapEmpty) / (double)(znodes + parents + 1):F1} B/znode");
            GC.KeepAlive(recovered);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The same creates as <see cref="Apply"/> is given, serialised as the server journals them.</summary>
    private static void WriteJournal(string directory, string root, int znodes, int parents, byte[] value)
    {
        using var journal = SqliteJournal.Open(directory, new JournalOptions(Fsync: false));
        var batch = new List<SerializedTxn>(1000);
        var zxid = 0L;
        foreach (var create in Creates(root, znodes, parents, value))
        {
            zxid++;
            batch.Add(SerializedTxn.From(new Txn(new TxnHeader(1, (int)zxid, zxid, 0, OpCode.Create), create)));
            if (batch.Count < 1000) continue;
            journal.AppendSerialized(batch);
            batch.Clear();
        }
        journal.AppendSerialized(batch);
    }

    /// <summary>Same paths as the `tree` workload; each create carries its own data array, as one decoded off the wire.</summary>
    private static IEnumerable<CreateTxn> Creates(string root, int znodes, int parents, byte[] value)
    {
        yield return new CreateTxn(root, null, Acl.OpenAclUnsafe, false, -1);
        for (var j = 0; j < parents; j++) yield return new CreateTxn($"{root}/p{j:D4}", null, Acl.OpenAclUnsafe, false, -1);
        for (long i = 0; i < znodes; i++)
            yield return new CreateTxn($"{root}/p{i % parents:D4}/n{i:D14}", (byte[])value.Clone(), Acl.OpenAclUnsafe, false, -1);
    }

    /// <summary>In its own method so no local keeps the txns alive when the heap is measured.</summary>
    private static (DataTree.DataTree, (SnapshotInfo Info, double Ms)?) Build(SnapshotStore store, Func<List<CreateTxn>> txns, int replay)
    {
        var creates = txns();
        var tree = new DataTree.DataTree();
        Apply(tree, creates.Take(creates.Count - replay));
        (SnapshotInfo Info, double Ms)? early = replay > 0 ? Save(store, tree) : null;
        Apply(tree, creates.Skip(creates.Count - replay));
        return (tree, early);
    }

    private static (SnapshotInfo, double) Save(SnapshotStore store, DataTree.DataTree tree)
    {
        var started = Stopwatch.GetTimestamp();
        var info = store.Save(tree.LastProcessedZxid, stream => DataTree.SnapshotSerializer.Serialize(tree, stream));
        return (info, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Applies creates in order with zxids continuing from the tree's; time is now, as the leader stamps it.</summary>
    private static void Apply(DataTree.DataTree tree, IEnumerable<CreateTxn> creates)
    {
        var zxid = tree.LastProcessedZxid;
        var time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var create in creates)
        {
            zxid++;
            var result = tree.ProcessTxn(new Txn(new TxnHeader(1, (int)zxid, zxid, time, OpCode.Create), create));
            if (result.Err != ErrorCode.Ok) throw new InvalidOperationException($"create {create.Path}: {result.Err}");
        }
    }

    private static long LiveHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
}
