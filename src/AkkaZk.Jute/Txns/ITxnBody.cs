namespace AkkaZk.Jute;

/// <summary>The body of a transaction, written in ZooKeeper's jute layout for its txn type.</summary>
public interface ITxnBody
{
    void Write(JuteWriter writer);
}
