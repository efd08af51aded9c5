namespace AkkaZk.Jute;

/// <summary>The body of a client request, written in ZooKeeper's jute layout (after the RequestHeader).</summary>
public interface IRequestRecord
{
    void Write(JuteWriter writer);
}
