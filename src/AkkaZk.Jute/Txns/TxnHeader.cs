namespace AkkaZk.Jute;

/// <summary>ZooKeeper's TxnHeader: the envelope of every transaction in the log and in ZAB proposals.</summary>
public readonly record struct TxnHeader(long ClientId, int Cxid, long Zxid, long Time, int Type)
{
    public static TxnHeader Read(ref JuteReader reader) =>
        new(reader.ReadLong(), reader.ReadInt(), reader.ReadLong(), reader.ReadLong(), reader.ReadInt());

    public void Write(JuteWriter writer)
    {
        writer.WriteLong(ClientId);
        writer.WriteInt(Cxid);
        writer.WriteLong(Zxid);
        writer.WriteLong(Time);
        writer.WriteInt(Type);
    }
}
