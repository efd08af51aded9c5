namespace AkkaZk.Jute;

/// <summary>ExistsRequest{path; watch}: exists (3); a watch is set even when the node is missing.</summary>
public sealed record ExistsRequest(string Path, bool Watch) : IRequestRecord
{
    public static ExistsRequest Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        return new ExistsRequest(path, reader.ReadBool());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteBool(Watch);
    }
}
