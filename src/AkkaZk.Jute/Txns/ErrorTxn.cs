namespace AkkaZk.Jute;

/// <summary>ErrorTxn (txn type −1): a failed write still consumes a zxid, as in ZooKeeper.</summary>
public sealed record ErrorTxn(int Err) : ITxnBody
{
    public static ErrorTxn Read(ref JuteReader reader) => new(reader.ReadInt());

    public void Write(JuteWriter writer) => writer.WriteInt(Err);
}
