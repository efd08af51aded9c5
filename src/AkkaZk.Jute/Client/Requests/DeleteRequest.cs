namespace AkkaZk.Jute;

/// <summary>DeleteRequest{path; version}: delete (2); version −1 matches any.</summary>
public sealed record DeleteRequest(string Path, int Version) : IRequestRecord
{
    public static DeleteRequest Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        return new DeleteRequest(path, reader.ReadInt());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteInt(Version);
    }
}
