namespace AkkaZk.Jute;

/// <summary>CreateRequest: the body of create (1), create2 (15) and createContainer (19).</summary>
public sealed record CreateRequest(string Path, byte[]? Data, IReadOnlyList<Acl> Acl, int Flags) : IRequestRecord
{
    public static CreateRequest Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        var data = reader.ReadBuffer();
        var acl = AkkaZk.Jute.Acl.ReadList(ref reader) ?? [];
        return new CreateRequest(path, data, acl, reader.ReadInt());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteBuffer(Data);
        AkkaZk.Jute.Acl.WriteList(writer, Acl);
        writer.WriteInt(Flags);
    }
}
