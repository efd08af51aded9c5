namespace AkkaZk.Jute;

/// <summary>SyncRequest{path}: sync (9).</summary>
public sealed record SyncRequest(string Path) : IRequestRecord
{
    public static SyncRequest Read(ref JuteReader reader) => new(reader.ReadString() ?? string.Empty);

    public void Write(JuteWriter writer) => writer.WriteString(Path);
}
