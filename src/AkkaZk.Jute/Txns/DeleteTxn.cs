namespace AkkaZk.Jute;

/// <summary>DeleteTxn (txn types delete 2 and deleteContainer 20).</summary>
public sealed record DeleteTxn(string Path) : ITxnBody
{
    public static DeleteTxn Read(ref JuteReader reader) => new(reader.ReadString() ?? string.Empty);

    public void Write(JuteWriter writer) => writer.WriteString(Path);
}
