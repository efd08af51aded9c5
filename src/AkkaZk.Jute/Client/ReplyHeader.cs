namespace AkkaZk.Jute;

/// <summary>ReplyHeader{int xid; long zxid; int err}: the start of every reply and notification frame.</summary>
public readonly record struct ReplyHeader(int Xid, long Zxid, int Err)
{
    public const int WireSize = 16;

    /// <summary>The header of a watch notification: in 3.8 its zxid is always −1.</summary>
    public static readonly ReplyHeader Notification = new(Xids.Notification, -1, 0);

    public static ReplyHeader Read(ref JuteReader reader)
    {
        var xid = reader.ReadInt();
        var zxid = reader.ReadLong();
        return new ReplyHeader(xid, zxid, reader.ReadInt());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteInt(Xid);
        writer.WriteLong(Zxid);
        writer.WriteInt(Err);
    }
}
