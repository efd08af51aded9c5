namespace AkkaZk.Jute;

/// <summary>SyncResponse{path}: the reply to sync (9).</summary>
public sealed record SyncResponse(string Path) : IResponseRecord
{
    public static SyncResponse Read(ref JuteReader reader) => new(reader.ReadString() ?? string.Empty);

    public void Write(JuteWriter writer) => writer.WriteString(Path);
}
