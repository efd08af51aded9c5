using System.Diagnostics;
using AkkaZk.Bench.Metrics;
using AkkaZk.Bench.Net;
using AkkaZk.Bench.Workloads;
using AkkaZk.Jute;

namespace AkkaZk.Bench.Load;

/// <summary>
/// One worker of the ZooKeeper paper's latency benchmark (§5.2, after Chubby's): send a create, wait for it, send
/// an asynchronous delete of the new znode and at once the next create. Create and delete latencies are recorded
/// separately; throughput is creates per second.
/// </summary>
public sealed class CreateDeleteDriver(PipelinedConnection connection, string prefix, byte[] value, WindowRecorder recorder) : IDriver
{
    private readonly InFlightRing _inFlight = new(2);
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _stopping;
    private long _sequence;

    public WindowRecorder Recorder => recorder;
    public LatencyHistogram? SendLag => null;
    public Task Done => _done.Task;
    public bool RanOut => false;

    public void Start()
    {
        lock (_gate)
        {
            SendCreate(Stopwatch.GetTimestamp());
            connection.Flush();
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            _stopping = true;
            if (_inFlight.Count == 0) _done.TrySetResult();
        }
    }

    public void OnReply(in ReplyHeader header, ReadOnlySpan<byte> body)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (!_inFlight.TryDequeue(out var request)) return;
            recorder.Record(request.OpCode, request.StartTicks, now, ReplyStatus.ErrorOf(request.OpCode, header, body));
            if (request.OpCode != OpCode.Create || _stopping) return;
            if (header.Err == 0)
            {
                _inFlight.Enqueue(new InFlight(now, OpCode.Delete));
                connection.Enqueue(Ops.Delete(Path(_sequence - 1)));
            }
            SendCreate(now);
        }
    }

    public void OnBatchEnd()
    {
        lock (_gate)
        {
            connection.Flush();
            if (_stopping && _inFlight.Count == 0) _done.TrySetResult();
        }
    }

    public void OnClosed()
    {
        lock (_gate)
        {
            recorder.RecordLost(_inFlight.Count);
            while (_inFlight.TryDequeue(out _)) { }
            _stopping = true;
            _done.TrySetResult();
        }
    }

    private void SendCreate(long now)
    {
        _inFlight.Enqueue(new InFlight(now, OpCode.Create));
        connection.Enqueue(Ops.Create(Path(_sequence++), value));
    }

    private string Path(long sequence) => $"{prefix}{sequence}";
}
