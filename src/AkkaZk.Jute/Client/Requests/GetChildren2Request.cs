namespace AkkaZk.Jute;

/// <summary>GetChildren2Request{path; watch}: getChildren2 (12).</summary>
public sealed record GetChildren2Request(string Path, bool Watch) : IRequestRecord
{
    public static GetChildren2Request Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        return new GetChildren2Request(path, reader.ReadBool());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteBool(Watch);
    }
}
