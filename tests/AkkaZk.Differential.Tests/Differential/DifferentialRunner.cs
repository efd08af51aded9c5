using System.Text;
using System.Text.RegularExpressions;
using AkkaZk.Differential.Tests.Servers;
using AkkaZk.Jute;

namespace AkkaZk.Differential.Tests.Differential;

/// <summary>The first difference between the two servers in a sequence, with enough context to replay it.</summary>
public sealed class DivergenceException(string message) : Exception(message);

/// <summary>
/// Runs seeded op sequences against ZooKeeper and AkkaZk in lockstep: each op goes to the same session slot
/// on both servers at once; the canonical replies and the events every session received are compared after
/// each op; the first difference throws <see cref="DivergenceException"/>.
/// </summary>
public sealed partial class DifferentialRunner(ServerProcess zooKeeper, ServerProcess akkaZk, int slotCount = 3,
    Action<string>? trace = null)
{
    private const int HistoryShown = 12;

    private readonly SortedDictionary<string, (int Ok, int Failed)> _outcomes = new(StringComparer.Ordinal);
    private int _events;

    public int SequencesRun { get; private set; }
    public int OpsRun { get; private set; }

    /// <summary>Per op kind, how many succeeded and failed (on both servers alike), and how many events were compared.</summary>
    public string Coverage() =>
        $"{_events} watch events compared; ops ok/failed: " +
        string.Join(", ", _outcomes.Select(kv => $"{kv.Key} {kv.Value.Ok}/{kv.Value.Failed}"));

    public async Task RunSequenceAsync(int seed, int opCount)
    {
        var root = $"/d{seed}";
        var zk = new ServerSide(zooKeeper, isZooKeeper: true, slotCount);
        var akka = new ServerSide(akkaZk, isZooKeeper: false, slotCount);
        var history = new List<string>();
        var view = new RunView(slotCount);
        try
        {
            await CompareAsync(seed, -1, "open sessions", zk.BeginAsync(), akka.BeginAsync(), history).ConfigureAwait(false);
            var setup = new Op.Request(0, OpCode.Create, new CreateRequest(root, [], Acl.OpenAclUnsafe, 0));
            await StepAsync(seed, -1, setup, zk, akka, history, view, root).ConfigureAwait(false);

            var generator = new OpGenerator(seed, root);
            view.Forget(root);
            for (var i = 0; i < opCount; i++)
            {
                view.Refresh(zk);
                var op = generator.Next(view);
                await StepAsync(seed, i, op, zk, akka, history, view, root).ConfigureAwait(false);
                OpsRun++;
            }
            SequencesRun++;
        }
        finally
        {
            await Task.WhenAll(zk.EndAsync(), akka.EndAsync()).ConfigureAwait(false);
        }
    }

    private async Task StepAsync(int seed, int index, Op op, ServerSide zk, ServerSide akka, List<string> history,
        RunView view, string root)
    {
        var texts = await Task.WhenAll(RunOpAsync(zk, op, root), RunOpAsync(akka, op, root)).ConfigureAwait(false);
        var (zkText, akkaText) = (texts[0], texts[1]);
        history.Add($"#{index} {op}\n    → {zkText.Replace("\n", "\n    ", StringComparison.Ordinal)}");
        trace?.Invoke(history[^1]);
        if (zkText != akkaText) throw Divergence(seed, index, op, zkText, akkaText, history, zk, akka);
        view.Learn(op, zkText);
        Count(op, zkText);
    }

    private void Count(Op op, string text)
    {
        var kind = op switch
        {
            Op.Request r => OpFormat.Name(r.OpCode),
            Op.Auth => "auth",
            Op.Disconnect => "disconnect",
            Op.Reconnect => "reconnect",
            _ => "closeSession",
        };
        var ok = !text.StartsWith("err=", StringComparison.Ordinal) && !text.Contains("error(", StringComparison.Ordinal)
            && !text.StartsWith("multi refused", StringComparison.Ordinal);
        var (okCount, failed) = _outcomes.GetValueOrDefault(kind);
        _outcomes[kind] = ok ? (okCount + 1, failed) : (okCount, failed + 1);
        var events = text.IndexOf(" events [", StringComparison.Ordinal);
        for (; events >= 0; events = text.IndexOf(" events [", events + 1, StringComparison.Ordinal))
            _events += 1 + text.AsSpan(events, text.IndexOf(']', events) - events).Count(", ");
    }

    /// <summary>The op, then the barrier (the two servers run this concurrently).</summary>
    private static async Task<string> RunOpAsync(ServerSide side, Op op, string root)
    {
        var reply = await side.ExecuteAsync(op).ConfigureAwait(false);
        // closeSession deletes the session's ephemerals in hash-set order: their events have no specified order.
        var events = await side.BarrierAsync(root, sortEvents: op is Op.CloseSession).ConfigureAwait(false);
        return AsCesu8ReadAsUtf8(reply + events);
    }

    /// <summary>
    /// Known difference (reported against AkkaZk.Jute): ZooKeeper's BinaryOutputArchive writes a ustring one UTF-16
    /// unit at a time, so a supplementary character goes out as two 3-byte surrogate encodings (CESU-8), which a
    /// UTF-8 reader (this client, and Java's) decodes as six U+FFFD. AkkaZk writes standard UTF-8. Echoed strings
    /// (sync paths, event paths) are compared as ZooKeeper's bytes would read.
    /// </summary>
    private static string AsCesu8ReadAsUtf8(string text)
    {
        if (!text.Any(char.IsSurrogate)) return text;
        var result = new StringBuilder(text.Length);
        foreach (var c in text) result.Append(char.IsSurrogate(c) ? "\ufffd\ufffd\ufffd" : c);
        return result.ToString().Replace("\ufffd", "�", StringComparison.Ordinal);
    }

    private static async Task CompareAsync(int seed, int index, string what, Task<string> zkTask, Task<string> akkaTask, List<string> history)
    {
        var texts = await Task.WhenAll(zkTask, akkaTask).ConfigureAwait(false);
        history.Add($"#{index} {what}\n    → {texts[0]}");
        if (texts[0] != texts[1])
            throw new DivergenceException($"seed {seed}, {what}:\n  ZooKeeper: {texts[0]}\n  AkkaZk:    {texts[1]}");
    }

    private static DivergenceException Divergence(int seed, int index, Op op, string zkText, string akkaText, List<string> history,
        ServerSide zk, ServerSide akka)
    {
        var text = new StringBuilder();
        text.AppendLine($"DIVERGENCE at seed {seed}, op #{index}: {op}");
        text.AppendLine($"  ZooKeeper 3.8.0: {zkText.Replace("\n", "\n    ", StringComparison.Ordinal)}");
        text.AppendLine($"  AkkaZk:          {akkaText.Replace("\n", "\n    ", StringComparison.Ordinal)}");
        text.AppendLine($"  (replay: AKKAZK_DIFF_SEED_FIRST={seed} AKKAZK_DIFF_SEEDS=1 AKKAZK_DIFF_OPS={Math.Max(index + 1, 1)})");
        text.AppendLine($"  last {HistoryShown} ops (ZooKeeper's replies):");
        foreach (var line in history.TakeLast(HistoryShown + 1).SkipLast(1)) text.AppendLine("    " + line);
        if (zk.Server.HasExited) text.AppendLine("  ZooKeeper process has exited:\n" + zk.Server.LogTail());
        if (akka.Server.HasExited) text.AppendLine("  AkkaZk process has exited:\n" + akka.Server.LogTail());
        return new DivergenceException(text.ToString());
    }

    /// <summary>What the generator sees: slot connectivity and every path a create returned so far.</summary>
    private sealed partial class RunView(int slotCount) : IRunView
    {
        private readonly bool[] _online = new bool[slotCount];
        private readonly List<string> _known = [];
        private readonly HashSet<string> _knownSet = new(StringComparer.Ordinal);

        public IReadOnlyList<bool> Online => _online;
        public IReadOnlyList<string> KnownPaths => _known;

        /// <summary>The sequence's root is no target for random picks (deleting it would starve the sequence).</summary>
        public void Forget(string path)
        {
            if (_knownSet.Remove(path)) _known.Remove(path);
        }

        public void Refresh(ServerSide side)
        {
            for (var i = 0; i < _online.Length; i++) _online[i] = side.Slots[i].Online;
        }

        /// <summary>
        /// Collects created paths from the (agreed) reply text (path="..." and create*("...")) and forgets the
        /// paths of successful deletes, so picks favour nodes that exist.
        /// </summary>
        public void Learn(Op op, string reply)
        {
            if (op is Op.Request { OpCode: OpCode.Delete, Record: DeleteRequest delete } && reply.StartsWith("ok", StringComparison.Ordinal))
                Forget(delete.Path);
            if (op is Op.Request { OpCode: OpCode.Multi, Record: MultiRequest multi } && reply.StartsWith("ok", StringComparison.Ordinal)
                && !reply.Contains("error(", StringComparison.Ordinal))
            {
                foreach (var sub in multi.Ops)
                    if (sub.Record is DeleteRequest d) Forget(d.Path);
            }
            if (op is not Op.Request { OpCode: OpCode.Create or OpCode.Create2 or OpCode.CreateContainer or OpCode.CreateTtl or OpCode.Multi })
                return;
            foreach (Match m in CreatedPath().Matches(reply))
            {
                var path = m.Groups[1].Value;
                if (path.Contains('\\', StringComparison.Ordinal)) continue;   // escaped control characters: skip
                if (_knownSet.Add(path)) _known.Add(path);
            }
        }

        [GeneratedRegex("(?:path=|create2?\\*?\\()\"([^\"]*)\"")]
        private static partial Regex CreatedPath();
    }
}
