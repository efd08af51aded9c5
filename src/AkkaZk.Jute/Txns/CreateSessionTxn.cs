namespace AkkaZk.Jute;

/// <summary>CreateSessionTxn (txn type −10).</summary>
public sealed record CreateSessionTxn(int TimeOut) : ITxnBody
{
    public static CreateSessionTxn Read(ref JuteReader reader) => new(reader.ReadInt());

    public void Write(JuteWriter writer) => writer.WriteInt(TimeOut);
}
