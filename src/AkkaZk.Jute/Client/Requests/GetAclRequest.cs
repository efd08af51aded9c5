namespace AkkaZk.Jute;

/// <summary>GetACLRequest{path}: getACL (6).</summary>
public sealed record GetAclRequest(string Path) : IRequestRecord
{
    public static GetAclRequest Read(ref JuteReader reader) => new(reader.ReadString() ?? string.Empty);

    public void Write(JuteWriter writer) => writer.WriteString(Path);
}
