namespace AkkaZk.Jute;

/// <summary>GetChildrenRequest{path; watch}: getChildren (8), also a read op inside multiRead.</summary>
public sealed record GetChildrenRequest(string Path, bool Watch) : IRequestRecord
{
    public static GetChildrenRequest Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        return new GetChildrenRequest(path, reader.ReadBool());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteBool(Watch);
    }
}
