using System.Globalization;
using System.Text;
using AkkaZk.Consensus;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus.Tests.Harness;

/// <summary>
/// Runs a text script against a <see cref="SimCluster"/> in etcd-raft's datadriven style: each block is one
/// command, a "----" line, then the expected output up to a blank line. Lines starting with '#' between blocks
/// are comments. <see cref="Run"/> returns the file as it should be, so a test compares it with the file (or
/// rewrites the file when regenerating expectations).
/// Commands: cluster voters=1,2,3 [observers=4] [init=N] [sync=N] [commitlog=N] | seed S epoch=E [accepted=A]
/// [log=E.F-T,...] | start [S...] | deliver [A->B [N]] | tick [S|all] [N] | propose S [N] | crash S | restart S |
/// partition 1 2 | 3 | heal | status | sends on|off
/// </summary>
internal sealed class ScriptRunner
{
    private SimCluster? _cluster;

    public static string Run(string script)
    {
        var runner = new ScriptRunner();
        var output = new StringBuilder();
        var lines = script.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#'))
            {
                output.Append(line).Append('\n');
                continue;
            }
            // A command: skip its old expectation, write the new one.
            output.Append(line).Append('\n').Append("----\n");
            if (i + 1 < lines.Length && lines[i + 1] == "----")
            {
                i += 2;
                while (i < lines.Length && lines[i].Length > 0) i++;
                i--;
            }
            foreach (var produced in runner.Execute(line)) output.Append(produced).Append('\n');
            output.Append('\n');
            if (i + 1 < lines.Length && lines[i + 1].Length == 0) i++;
        }
        return output.ToString().TrimEnd('\n') + "\n";
    }

    private IEnumerable<string> Execute(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words[0] == "cluster")
        {
            _cluster = CreateCluster(Options(words));
            return ["ok"];
        }
        var cluster = _cluster ?? throw new InvalidOperationException("the first command must be 'cluster'");
        var traced = cluster.Trace.Count;
        try
        {
            var extra = Dispatch(cluster, words);
            return cluster.Trace.Skip(traced).Concat(extra).DefaultIfEmpty("ok").ToList();
        }
        catch (InvariantViolation violation)
        {
            return [.. cluster.Trace.Skip(traced), "error: " + violation.Message];
        }
    }

    private static IEnumerable<string> Dispatch(SimCluster cluster, string[] words)
    {
        var args = words.Skip(1).ToArray();
        switch (words[0])
        {
            case "seed":
                var options = Options(args);
                cluster.Seed(Sid(args[0]), Long(options["epoch"]), ParseLog(options.GetValueOrDefault("log")),
                    options.TryGetValue("accepted", out var accepted) ? Long(accepted) : null);
                break;
            case "start":
                foreach (var sid in args.Length == 0 ? cluster.Nodes.Keys.ToList() : args.Select(Sid)) cluster.StartElection(sid);
                break;
            case "deliver" when args.Length == 0:
                cluster.DeliverAll();
                break;
            case "deliver":
                var link = args[0].Split("->");
                for (var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1; n > 0; n--)
                    if (!cluster.Deliver(Sid(link[0]), Sid(link[1]))) return ["nothing to deliver"];
                break;
            case "tick":
                var targets = args.Length == 0 || args[0] == "all" ? cluster.Nodes.Keys.ToList() : [Sid(args[0])];
                for (var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1; n > 0; n--)
                    foreach (var sid in targets) cluster.Tick(sid);
                break;
            case "propose":
                for (var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1; n > 0; n--)
                    if (cluster.Propose(Sid(args[0])) is null) return ["not an established leader"];
                break;
            case "crash":
                cluster.Crash(Sid(args[0]));
                break;
            case "restart":
                cluster.Restart(Sid(args[0]));
                break;
            case "partition":
                cluster.Partition([.. string.Join(' ', args).Split('|').Select(g => (IReadOnlyList<long>)[.. g.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Sid)])]);
                break;
            case "heal":
                cluster.Heal();
                break;
            case "status":
                return cluster.Nodes.Values.Select(n => n.Describe() + " history=[" + string.Join(",", n.Applied) + "]").ToList();
            case "sends":
                cluster.TraceSends = args[0] == "on";
                break;
            default:
                throw new InvalidOperationException($"unknown command '{words[0]}'");
        }
        return [];
    }

    private static SimCluster CreateCluster(Dictionary<string, string> options)
    {
        var voters = options["voters"].Split(',').Select(Sid);
        var observers = options.TryGetValue("observers", out var o) ? o.Split(',').Select(Sid) : [];
        var zab = new ZabOptions(
            InitLimit: options.TryGetValue("init", out var init) ? int.Parse(init, CultureInfo.InvariantCulture) : 10,
            SyncLimit: options.TryGetValue("sync", out var sync) ? int.Parse(sync, CultureInfo.InvariantCulture) : 5,
            CommitLogCount: options.TryGetValue("commitlog", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : 500);
        return new SimCluster(new QuorumConfig(voters, observers), zab: zab);
    }

    private static Dictionary<string, string> Options(IEnumerable<string> words) =>
        words.Where(w => w.Contains('=', StringComparison.Ordinal)).Select(w => w.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    /// <summary>"1.1-5,2.1-3": epoch 1 counters 1..5, then epoch 2 counters 1..3.</summary>
    private static List<ZabTxn> ParseLog(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        return Histories.Of([.. text.Split(',').Select(segment =>
        {
            var parts = segment.Split('.', '-');
            return (Long(parts[0]), Long(parts[1]), Long(parts[2]));
        })]);
    }

    private static long Sid(string text) => Long(text);

    private static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);
}
