namespace AkkaZk.Jute;

/// <summary>CheckVersionTxn (txn type 13, only inside multi).</summary>
public sealed record CheckVersionTxn(string Path, int Version) : ITxnBody
{
    public static CheckVersionTxn Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        return new CheckVersionTxn(path, reader.ReadInt());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteInt(Version);
    }
}
