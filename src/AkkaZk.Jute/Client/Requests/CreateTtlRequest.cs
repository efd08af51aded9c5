namespace AkkaZk.Jute;

/// <summary>CreateTTLRequest: the body of createTTL (21).</summary>
public sealed record CreateTtlRequest(string Path, byte[]? Data, IReadOnlyList<Acl> Acl, int Flags, long Ttl)
    : IRequestRecord
{
    public static CreateTtlRequest Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        var data = reader.ReadBuffer();
        var acl = AkkaZk.Jute.Acl.ReadList(ref reader) ?? [];
        var flags = reader.ReadInt();
        return new CreateTtlRequest(path, data, acl, flags, reader.ReadLong());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteBuffer(Data);
        AkkaZk.Jute.Acl.WriteList(writer, Acl);
        writer.WriteInt(Flags);
        writer.WriteLong(Ttl);
    }
}
