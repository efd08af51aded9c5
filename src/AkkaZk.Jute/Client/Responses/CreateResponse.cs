namespace AkkaZk.Jute;

/// <summary>CreateResponse{path}: the reply to create (1); the path includes any sequence suffix.</summary>
public sealed record CreateResponse(string Path) : IResponseRecord
{
    public static CreateResponse Read(ref JuteReader reader) => new(reader.ReadString() ?? string.Empty);

    public void Write(JuteWriter writer) => writer.WriteString(Path);
}
