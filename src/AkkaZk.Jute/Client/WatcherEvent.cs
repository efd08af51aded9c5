namespace AkkaZk.Jute;

/// <summary>WatcherEvent{int type; int state; ustring path}: the body of a notification (xid −1).</summary>
public readonly record struct WatcherEvent(int Type, int State, string Path) : IResponseRecord
{
    public static WatcherEvent Read(ref JuteReader reader)
    {
        var type = reader.ReadInt();
        var state = reader.ReadInt();
        return new WatcherEvent(type, state, reader.ReadString() ?? string.Empty);
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteInt(Type);
        writer.WriteInt(State);
        writer.WriteString(Path);
    }
}
