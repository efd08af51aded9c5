namespace AkkaZk.Jute;

/// <summary>RequestHeader{int xid; int type}: the start of every request frame after the handshake.</summary>
public readonly record struct RequestHeader(int Xid, int Type)
{
    public const int WireSize = 8;

    public static RequestHeader Read(ref JuteReader reader)
    {
        var xid = reader.ReadInt();
        return new RequestHeader(xid, reader.ReadInt());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteInt(Xid);
        writer.WriteInt(Type);
    }
}
