namespace AkkaZk.Jute;

/// <summary>RemoveWatchesRequest{path; type}: removeWatches (18); type is a WatcherType (3.8 knows 1..3).</summary>
public sealed record RemoveWatchesRequest(string Path, int Type) : IRequestRecord
{
    public static RemoveWatchesRequest Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        return new RemoveWatchesRequest(path, reader.ReadInt());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteInt(Type);
    }
}
