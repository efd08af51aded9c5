namespace AkkaZk.Jute;

/// <summary>CloseSessionTxn (txn type −11): the session's ephemerals as Prep knew them.</summary>
public sealed record CloseSessionTxn(IReadOnlyList<string> Paths2Delete) : ITxnBody
{
    public static CloseSessionTxn Read(ref JuteReader reader)
    {
        // ZooKeeper writes an empty body when closeSessionTxn is disabled.
        if (reader.AtEnd) return new CloseSessionTxn([]);
        return new CloseSessionTxn(reader.ReadStringVector() ?? []);
    }

    public void Write(JuteWriter writer) => writer.WriteStringVector(Paths2Delete as IReadOnlyCollection<string> ?? Paths2Delete.ToList());
}
