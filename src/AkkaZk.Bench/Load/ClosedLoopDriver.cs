using System.Diagnostics;
using AkkaZk.Bench.Metrics;
using AkkaZk.Bench.Net;
using AkkaZk.Jute;

namespace AkkaZk.Bench.Load;

/// <summary>
/// Keeps a fixed number of requests in flight on one connection: each reply is recorded and replaced by the next
/// request, and the replacements of one socket read go out in one write. Runs on the connection's receive loop;
/// the lock only orders the first fill and Stop against it.
/// </summary>
public sealed class ClosedLoopDriver(PipelinedConnection connection, IOpSource source, WindowRecorder recorder, int outstanding)
    : IDriver
{
    private readonly InFlightRing _inFlight = new(outstanding);
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _stopping;
    private bool _exhausted;

    public WindowRecorder Recorder => recorder;
    public LatencyHistogram? SendLag => null;
    public Task Done => _done.Task;
    public bool RanOut => Volatile.Read(ref _exhausted);

    public void Start()
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            while (_inFlight.Count < _inFlight.Capacity && Issue(now)) { }
            connection.Flush();
            CompleteIfDrained();
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            _stopping = true;
            CompleteIfDrained();
        }
    }

    public void OnReply(in ReplyHeader header, ReadOnlySpan<byte> body)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (!_inFlight.TryDequeue(out var request)) return;
            recorder.Record(request.OpCode, request.StartTicks, now, ReplyStatus.ErrorOf(request.OpCode, header, body));
            if (!_stopping) Issue(now);
        }
    }

    public void OnBatchEnd()
    {
        lock (_gate)
        {
            connection.Flush();
            CompleteIfDrained();
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

    private bool Issue(long now)
    {
        if (_exhausted || !source.TryNext(out var op))
        {
            _exhausted = true;
            return false;
        }
        _inFlight.Enqueue(new InFlight(now, op.OpCode));
        connection.Enqueue(op);
        return true;
    }

    private void CompleteIfDrained()
    {
        if (_inFlight.Count == 0 && (_stopping || _exhausted)) _done.TrySetResult();
    }
}
