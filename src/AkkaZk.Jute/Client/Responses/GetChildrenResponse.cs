namespace AkkaZk.Jute;

/// <summary>GetChildrenResponse{children}: the reply to getChildren (8); names only, not paths.</summary>
public sealed record GetChildrenResponse(IReadOnlyList<string> Children) : IResponseRecord
{
    public static GetChildrenResponse Read(ref JuteReader reader) => new(reader.ReadStringVector() ?? []);

    public void Write(JuteWriter writer) => writer.WriteStringVector(Children);
}
