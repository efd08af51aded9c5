namespace AkkaZk.Jute;

/// <summary>CheckVersionRequest{path; version}: check (13), legal only inside multi.</summary>
public sealed record CheckVersionRequest(string Path, int Version) : IRequestRecord
{
    public static CheckVersionRequest Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        return new CheckVersionRequest(path, reader.ReadInt());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteInt(Version);
    }
}
