namespace AkkaZk.Jute;

/// <summary>Serialises a <see cref="Txn"/> as ZooKeeper does in its txn log: TxnHeader then the body for its type.</summary>
public static class TxnCodec
{
    public static void Write(JuteWriter writer, Txn txn)
    {
        txn.Header.Write(writer);
        txn.Body.Write(writer);
    }

    public static byte[] Serialize(Txn txn)
    {
        var writer = new JuteWriter(128);
        Write(writer, txn);
        return writer.ToArray();
    }

    public static Txn Deserialize(ReadOnlySpan<byte> bytes)
    {
        var reader = new JuteReader(bytes, int.MaxValue);
        var header = TxnHeader.Read(ref reader);
        var body = ReadBody(header.Type, ref reader);
        return new Txn(header, body);
    }

    public static ITxnBody ReadBody(int type, ReadOnlySpan<byte> bytes)
    {
        var reader = new JuteReader(bytes, int.MaxValue);
        return ReadBody(type, ref reader);
    }

    public static ITxnBody ReadBody(int type, ref JuteReader reader) => type switch
    {
        OpCode.Create or OpCode.Create2 => CreateTxn.Read(ref reader),
        OpCode.CreateContainer => CreateContainerTxn.Read(ref reader),
        OpCode.CreateTtl => CreateTtlTxn.Read(ref reader),
        OpCode.Delete or OpCode.DeleteContainer => DeleteTxn.Read(ref reader),
        OpCode.SetData or OpCode.Reconfig => SetDataTxn.Read(ref reader),
        OpCode.SetAcl => SetAclTxn.Read(ref reader),
        OpCode.Check => CheckVersionTxn.Read(ref reader),
        OpCode.Multi => MultiTxn.Read(ref reader),
        OpCode.CreateSession => CreateSessionTxn.Read(ref reader),
        OpCode.CloseSession => CloseSessionTxn.Read(ref reader),
        OpCode.Error => ErrorTxn.Read(ref reader),
        _ => throw new JuteException($"Unknown txn type {type}"),
    };
}
