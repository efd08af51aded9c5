using AkkaZk.Bench.Metrics;
using AkkaZk.Jute;

namespace AkkaZk.Bench.Load;

/// <summary>
/// Counts one connection's replies: successful ones that complete inside the window go into latency histograms
/// (overall and per opcode), failed ones into error counts. Used from one thread at a time; merged at the end.
/// </summary>
public sealed class WindowRecorder(MeasureWindow window)
{
    private readonly Dictionary<int, LatencyHistogram> _byOp = [];

    public MeasureWindow Window => window;
    public LatencyHistogram All { get; } = new();
    public IReadOnlyDictionary<int, LatencyHistogram> ByOp => _byOp;
    public Dictionary<int, long> Errors { get; } = [];
    /// <summary>Replies received, in or out of the window.</summary>
    public long Completed { get; private set; }
    public long LastInWindowTicks { get; private set; }

    public void Record(int opCode, long startTicks, long endTicks, int err)
    {
        Completed++;
        if (!window.Contains(endTicks)) return;
        LastInWindowTicks = endTicks;
        if (err != 0)
        {
            Errors[err] = Errors.GetValueOrDefault(err) + 1;
            return;
        }
        var micros = MeasureWindow.MicrosBetween(startTicks, endTicks);
        All.Record(micros);
        if (!_byOp.TryGetValue(opCode, out var histogram)) _byOp[opCode] = histogram = new LatencyHistogram();
        histogram.Record(micros);
    }

    /// <summary>Requests still in flight when the connection ended count as connection losses.</summary>
    public void RecordLost(int count)
    {
        if (count <= 0) return;
        var code = (int)ErrorCode.ConnectionLoss;
        Errors[code] = Errors.GetValueOrDefault(code) + count;
    }
}
