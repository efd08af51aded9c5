using AkkaZk.Bench.Metrics;
using AkkaZk.Bench.Net;

namespace AkkaZk.Bench.Load;

/// <summary>Sends one connection's load and records its replies; done when stopped (or out of ops) and drained.</summary>
public interface IDriver : IReplySink
{
    WindowRecorder Recorder { get; }

    /// <summary>How late requests left against their schedule (fixed-rate mode only).</summary>
    LatencyHistogram? SendLag { get; }

    Task Done { get; }

    /// <summary>Its source had no more ops (a finite load), as opposed to being stopped.</summary>
    bool RanOut { get; }

    void Start();

    /// <summary>Stop sending; <see cref="Done"/> completes when the requests in flight are answered.</summary>
    void Stop();
}
