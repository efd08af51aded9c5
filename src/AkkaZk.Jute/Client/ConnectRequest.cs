namespace AkkaZk.Jute;

/// <summary>
/// The first frame of a connection (no RequestHeader). <see cref="ReadOnly"/> is null when the client left out the
/// optional trailing byte (a 44-byte frame, an "old client"); the server then leaves it out of its reply too.
/// </summary>
public sealed record ConnectRequest(
    int ProtocolVersion, long LastZxidSeen, int TimeOut, long SessionId, byte[] Passwd, bool? ReadOnly)
{
    /// <summary>Reads a whole ConnectRequest payload (the frame without its length prefix).</summary>
    public static ConnectRequest Read(ReadOnlySpan<byte> payload)
    {
        var reader = new JuteReader(payload);
        return Read(ref reader);
    }

    /// <summary>Reads the record and, as ZooKeeper does, the readOnly byte only if bytes remain.</summary>
    public static ConnectRequest Read(ref JuteReader reader)
    {
        var protocolVersion = reader.ReadInt();
        var lastZxidSeen = reader.ReadLong();
        var timeOut = reader.ReadInt();
        var sessionId = reader.ReadLong();
        var passwd = reader.ReadBuffer() ?? [];
        bool? readOnly = reader.AtEnd ? null : reader.ReadBool();
        return new ConnectRequest(protocolVersion, lastZxidSeen, timeOut, sessionId, passwd, readOnly);
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteInt(ProtocolVersion);
        writer.WriteLong(LastZxidSeen);
        writer.WriteInt(TimeOut);
        writer.WriteLong(SessionId);
        writer.WriteBuffer(Passwd);
        if (ReadOnly is { } readOnly) writer.WriteBool(readOnly);
    }
}
