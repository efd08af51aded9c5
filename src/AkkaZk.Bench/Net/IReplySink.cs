using AkkaZk.Jute;

namespace AkkaZk.Bench.Net;

/// <summary>
/// Receives the replies a <see cref="PipelinedConnection"/> parses, on its receive loop. The body span is only valid
/// during the call. Watch notifications are not passed on.
/// </summary>
public interface IReplySink
{
    void OnReply(in ReplyHeader header, ReadOnlySpan<byte> body);

    /// <summary>Called after the replies of one socket read, so a sink can send what they triggered in one write.</summary>
    void OnBatchEnd();

    /// <summary>The connection ended (server closed it, or it failed).</summary>
    void OnClosed();
}
