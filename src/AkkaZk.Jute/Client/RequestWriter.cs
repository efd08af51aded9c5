namespace AkkaZk.Jute;

/// <summary>Writes whole framed client → server messages (length prefix included); for clients, tests and benchmarks.</summary>
public static class RequestWriter
{
    /// <summary>Length + RequestHeader + body (none for ping, closeSession, whoAmI).</summary>
    public static void WriteRequest(JuteWriter writer, RequestHeader header, IRequestRecord? body)
    {
        var at = writer.ReserveLength();
        header.Write(writer);
        body?.Write(writer);
        writer.PatchLength(at);
    }

    /// <summary>The framed handshake request (no RequestHeader).</summary>
    public static void WriteConnectRequest(JuteWriter writer, ConnectRequest request)
    {
        var at = writer.ReserveLength();
        request.Write(writer);
        writer.PatchLength(at);
    }
}
