namespace AkkaZk.Jute;

/// <summary>AuthPacket{int type; ustring scheme; buffer auth}: auth (100, xid −4); type is unused (clients send 0).</summary>
public sealed record AuthPacket(int Type, string Scheme, byte[]? Auth) : IRequestRecord
{
    public static AuthPacket Read(ref JuteReader reader)
    {
        var type = reader.ReadInt();
        var scheme = reader.ReadString() ?? string.Empty;
        return new AuthPacket(type, scheme, reader.ReadBuffer());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteInt(Type);
        writer.WriteString(Scheme);
        writer.WriteBuffer(Auth);
    }
}
