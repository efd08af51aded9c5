namespace AkkaZk.Jute;

/// <summary>GetDataRequest{path; watch}: getData (4), also a read op inside multiRead.</summary>
public sealed record GetDataRequest(string Path, bool Watch) : IRequestRecord
{
    public static GetDataRequest Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        return new GetDataRequest(path, reader.ReadBool());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteBool(Watch);
    }
}
