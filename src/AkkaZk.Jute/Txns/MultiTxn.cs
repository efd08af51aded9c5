namespace AkkaZk.Jute;

/// <summary>MultiTxn (txn type 14): a vector of Txn{int type; buffer data}, each body in its own jute layout.</summary>
public sealed record MultiTxn(IReadOnlyList<SubTxn> Txns) : ITxnBody
{
    public static MultiTxn Read(ref JuteReader reader)
    {
        var count = reader.ReadVectorCount();
        var txns = new List<SubTxn>(Math.Max(count, 0));
        for (var i = 0; i < count; i++)
        {
            var type = reader.ReadInt();
            var data = reader.ReadBuffer() ?? [];
            txns.Add(new SubTxn(type, TxnCodec.ReadBody(type, data)));
        }
        return new MultiTxn(txns);
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteInt(Txns.Count);
        var inner = new JuteWriter();
        foreach (var txn in Txns)
        {
            writer.WriteInt(txn.Type);
            inner.Reset();
            txn.Body.Write(inner);
            writer.WriteBuffer(inner.WrittenSpan);
        }
    }
}

/// <summary>One entry of a MultiTxn.</summary>
public sealed record SubTxn(int Type, ITxnBody Body);
