namespace AkkaZk.Jute;

/// <summary>SetDataTxn (txn types setData 5 and reconfig 16); Version is the new version.</summary>
public sealed record SetDataTxn(string Path, byte[]? Data, int Version) : ITxnBody
{
    public static SetDataTxn Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        var data = reader.ReadBuffer();
        return new SetDataTxn(path, data, reader.ReadInt());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteBuffer(Data);
        writer.WriteInt(Version);
    }
}
