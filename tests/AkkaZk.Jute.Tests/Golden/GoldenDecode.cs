namespace AkkaZk.Jute.Tests.Golden;

/// <summary>Decodes golden frames into headers and records for field checks.</summary>
internal static class GoldenDecode
{
    public static (RequestHeader Header, T Record) Request<T>(GoldenFrame frame) where T : class, IRequestRecord
    {
        var record = RequestDecoder.Decode(frame.Payload, out var header);
        return (header, Assert.IsType<T>(record));
    }

    public static RequestHeader RequestHeaderOnly(GoldenFrame frame)
    {
        var reader = new JuteReader(frame.Payload);
        return RequestHeader.Read(ref reader);
    }

    public static (ReplyHeader Header, T Record) Reply<T>(GoldenFrame frame, int opcode) where T : IResponseRecord
    {
        var reader = new JuteReader(frame.Payload);
        var header = ReplyHeader.Read(ref reader);
        Assert.Equal(0, header.Err);
        var record = ResponseDecoder.Decode(opcode, ref reader);
        Assert.True(reader.AtEnd);
        return (header, Assert.IsType<T>(record));
    }

    /// <summary>A reply without a body (error replies, delete, ping, ...).</summary>
    public static ReplyHeader EmptyReply(GoldenFrame frame)
    {
        Assert.Equal(ReplyHeader.WireSize, frame.Payload.Length);
        var reader = new JuteReader(frame.Payload);
        return ReplyHeader.Read(ref reader);
    }

    public static (ReplyHeader Header, WatcherEvent Event) Notification(GoldenFrame frame)
    {
        var reader = new JuteReader(frame.Payload);
        var header = ReplyHeader.Read(ref reader);
        var watcherEvent = WatcherEvent.Read(ref reader);
        Assert.True(reader.AtEnd);
        return (header, watcherEvent);
    }
}
