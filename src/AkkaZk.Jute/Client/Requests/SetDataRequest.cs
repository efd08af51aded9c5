namespace AkkaZk.Jute;

/// <summary>SetDataRequest{path; data; version}: setData (5); version −1 matches any.</summary>
public sealed record SetDataRequest(string Path, byte[]? Data, int Version) : IRequestRecord
{
    public static SetDataRequest Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        var data = reader.ReadBuffer();
        return new SetDataRequest(path, data, reader.ReadInt());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteBuffer(Data);
        writer.WriteInt(Version);
    }
}
