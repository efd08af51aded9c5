namespace AkkaZk.Jute;

/// <summary>
/// The reply to a ConnectRequest (no ReplyHeader). <see cref="ReadOnly"/> is written only when it is not null,
/// i.e. only when the client sent the byte (old C clients break on an unasked byte).
/// </summary>
public sealed record ConnectResponse(int ProtocolVersion, int TimeOut, long SessionId, byte[] Passwd, bool? ReadOnly)
{
    public static ConnectResponse Read(ReadOnlySpan<byte> payload)
    {
        var reader = new JuteReader(payload);
        return Read(ref reader);
    }

    public static ConnectResponse Read(ref JuteReader reader)
    {
        var protocolVersion = reader.ReadInt();
        var timeOut = reader.ReadInt();
        var sessionId = reader.ReadLong();
        var passwd = reader.ReadBuffer() ?? [];
        bool? readOnly = reader.AtEnd ? null : reader.ReadBool();
        return new ConnectResponse(protocolVersion, timeOut, sessionId, passwd, readOnly);
    }

    public void Write(JuteWriter writer) => Write(writer, ProtocolVersion, TimeOut, SessionId, Passwd, ReadOnly);

    /// <summary>Writes the record from its fields, so the server can answer without allocating a record.</summary>
    public static void Write(
        JuteWriter writer, int protocolVersion, int timeOut, long sessionId, ReadOnlySpan<byte> passwd, bool? readOnly)
    {
        writer.WriteInt(protocolVersion);
        writer.WriteInt(timeOut);
        writer.WriteLong(sessionId);
        writer.WriteBuffer(passwd);
        if (readOnly is { } value) writer.WriteBool(value);
    }
}
