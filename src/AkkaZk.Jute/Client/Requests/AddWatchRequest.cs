namespace AkkaZk.Jute;

/// <summary>AddWatchRequest{path; mode}: addWatch (106); mode 0 = PERSISTENT, 1 = PERSISTENT_RECURSIVE.</summary>
public sealed record AddWatchRequest(string Path, int Mode) : IRequestRecord
{
    public static AddWatchRequest Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        return new AddWatchRequest(path, reader.ReadInt());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteInt(Mode);
    }
}
