namespace AkkaZk.Jute;

/// <summary>CheckWatchesRequest{path; type}: checkWatches (17); type is a WatcherType (3.8 knows 1..3).</summary>
public sealed record CheckWatchesRequest(string Path, int Type) : IRequestRecord
{
    public static CheckWatchesRequest Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        return new CheckWatchesRequest(path, reader.ReadInt());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteInt(Type);
    }
}
