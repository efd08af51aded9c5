using AkkaZk.Jute;

namespace AkkaZk.Bench.Net;

/// <summary>Ignores replies: the sink of a connection between phases.</summary>
public sealed class NullSink : IReplySink
{
    public static readonly NullSink Instance = new();

    private NullSink()
    {
    }

    public void OnReply(in ReplyHeader header, ReadOnlySpan<byte> body) { }
    public void OnBatchEnd() { }
    public void OnClosed() { }
}
