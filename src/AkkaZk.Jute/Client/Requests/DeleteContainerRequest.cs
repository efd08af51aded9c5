namespace AkkaZk.Jute;

/// <summary>
/// deleteContainer (20) as ZooKeeper parses it from a client: the whole body is the path as raw UTF-8, with no
/// length prefix. ZooKeeper issues it internally (container cleanup); a server may reject it from clients.
/// </summary>
public sealed record DeleteContainerRequest(string Path) : IRequestRecord
{
    public static DeleteContainerRequest Read(ref JuteReader reader)
    {
        var length = reader.Remaining;
        var bytes = new byte[length];
        for (var i = 0; i < length; i++) bytes[i] = reader.ReadByte();
        return new DeleteContainerRequest(System.Text.Encoding.UTF8.GetString(bytes));
    }

    public void Write(JuteWriter writer) => writer.WriteRaw(System.Text.Encoding.UTF8.GetBytes(Path));
}
