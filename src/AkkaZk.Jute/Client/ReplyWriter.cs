namespace AkkaZk.Jute;

/// <summary>Writes whole framed server → client messages (length prefix included) into a reusable JuteWriter.</summary>
public static class ReplyWriter
{
    /// <summary>Length + ReplyHeader + body (none when <paramref name="body"/> is null, as for every err ≠ 0).</summary>
    public static void WriteReply(JuteWriter writer, ReplyHeader header, IResponseRecord? body)
    {
        var at = writer.ReserveLength();
        header.Write(writer);
        body?.Write(writer);
        writer.PatchLength(at);
    }

    /// <summary>A watch notification: header (−1, −1, 0) as ZooKeeper 3.8 (no event zxid), then the event.</summary>
    public static void WriteNotification(JuteWriter writer, WatcherEvent watcherEvent)
    {
        var at = writer.ReserveLength();
        ReplyHeader.Notification.Write(writer);
        watcherEvent.Write(writer);
        writer.PatchLength(at);
    }

    /// <summary>The framed handshake reply (no ReplyHeader).</summary>
    public static void WriteConnectResponse(JuteWriter writer, ConnectResponse response) =>
        WriteConnectResponse(writer, response.TimeOut, response.SessionId, response.Passwd, response.ReadOnly,
            response.ProtocolVersion);

    /// <summary>The framed handshake reply from its fields; readOnly null leaves the byte out (36-byte payload).</summary>
    public static void WriteConnectResponse(
        JuteWriter writer, int timeOut, long sessionId, ReadOnlySpan<byte> passwd, bool? readOnly, int protocolVersion = 0)
    {
        var at = writer.ReserveLength();
        ConnectResponse.Write(writer, protocolVersion, timeOut, sessionId, passwd, readOnly);
        writer.PatchLength(at);
    }
}
