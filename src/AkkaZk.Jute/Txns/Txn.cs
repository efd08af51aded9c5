namespace AkkaZk.Jute;

/// <summary>A whole transaction: header + body. The unit the journal stores and ZAB ships.</summary>
public sealed record Txn(TxnHeader Header, ITxnBody Body)
{
    public long Zxid => Header.Zxid;
    public int Type => Header.Type;
}
