namespace AkkaZk.Jute;

/// <summary>GetAllChildrenNumberRequest{path}: getAllChildrenNumber (104).</summary>
public sealed record GetAllChildrenNumberRequest(string Path) : IRequestRecord
{
    public static GetAllChildrenNumberRequest Read(ref JuteReader reader) => new(reader.ReadString() ?? string.Empty);

    public void Write(JuteWriter writer) => writer.WriteString(Path);
}
