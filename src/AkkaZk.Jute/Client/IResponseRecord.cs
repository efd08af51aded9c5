namespace AkkaZk.Jute;

/// <summary>The body of a reply, written in ZooKeeper's jute layout (after the ReplyHeader).</summary>
public interface IResponseRecord
{
    void Write(JuteWriter writer);
}
