using System.Collections.Concurrent;
using System.Diagnostics;
using AkkaZk.Bench.Metrics;
using AkkaZk.Bench.Net;
using AkkaZk.Jute;

namespace AkkaZk.Bench.Load;

/// <summary>
/// Sends one connection's requests on a schedule (first, first + interval, …) from its own thread, with at most
/// <c>outstanding</c> in flight. Latency is measured from the intended send time, not the actual one, so a server
/// that stalls is charged for every request the stall delayed (no coordinated omission).
/// </summary>
public sealed class FixedRateDriver : IDriver
{
    private readonly PipelinedConnection _connection;
    private readonly IOpSource _source;
    private readonly long _firstTicks;
    private readonly double _intervalTicks;
    private readonly long _endTicks;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentQueue<InFlight> _inFlight = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _sender;
    private volatile bool _senderFinished;
    private volatile bool _ranOut;

    public FixedRateDriver(PipelinedConnection connection, IOpSource source, WindowRecorder recorder, int outstanding,
        long firstTicks, double intervalTicks, long endTicks)
    {
        _connection = connection;
        _source = source;
        Recorder = recorder;
        _firstTicks = firstTicks;
        _intervalTicks = intervalTicks;
        _endTicks = endTicks;
        _slots = new SemaphoreSlim(outstanding, outstanding);
        _sender = new Thread(SendLoop) { IsBackground = true, Name = "fixed-rate sender" };
    }

    public WindowRecorder Recorder { get; }
    public LatencyHistogram SendLag { get; } = new();
    public Task Done => _done.Task;
    public bool RanOut => _ranOut;

    public void Start() => _sender.Start();

    public void Stop() => _stop.Cancel();

    public void OnReply(in ReplyHeader header, ReadOnlySpan<byte> body)
    {
        var now = Stopwatch.GetTimestamp();
        if (!_inFlight.TryDequeue(out var request)) return;
        Recorder.Record(request.OpCode, request.StartTicks, now, ReplyStatus.ErrorOf(request.OpCode, header, body));
        _slots.Release();
    }

    public void OnBatchEnd() => CompleteIfDrained();

    public void OnClosed()
    {
        _stop.Cancel();
        var lost = 0;
        while (_inFlight.TryDequeue(out _)) lost++;
        Recorder.RecordLost(lost);
        _done.TrySetResult();
    }

    private void SendLoop()
    {
        PreciseSleep.TightenTimerSlack();
        try
        {
            for (long k = 0; ; k++)
            {
                var intended = _firstTicks + (long)(k * _intervalTicks);
                if (intended >= _endTicks || !WaitUntil(intended)) break;
                _slots.Wait(_stop.Token);
                if (!_source.TryNext(out var op))
                {
                    _ranOut = true;
                    break;
                }
                _inFlight.Enqueue(new InFlight(intended, op.OpCode));
                _connection.Enqueue(op);
                _connection.Flush();
                SendLag.Record(MeasureWindow.MicrosBetween(intended, Stopwatch.GetTimestamp()));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
        }
        _senderFinished = true;
        CompleteIfDrained();
    }

    /// <summary>Sleeps until the target time; false if stopped.</summary>
    private bool WaitUntil(long targetTicks)
    {
        if (Stopwatch.GetTimestamp() < targetTicks) PreciseSleep.Until(targetTicks);
        return !_stop.IsCancellationRequested;
    }

    private void CompleteIfDrained()
    {
        if (_senderFinished && _inFlight.IsEmpty) _done.TrySetResult();
    }
}
