namespace AkkaZk.Jute;

/// <summary>MultiHeader{int type; boolean done; int err}: precedes each multi op and result; {−1, true, −1} ends the list.</summary>
public readonly record struct MultiHeader(int Type, bool Done, int Err)
{
    public static readonly MultiHeader End = new(-1, true, -1);

    public static MultiHeader Read(ref JuteReader reader)
    {
        var type = reader.ReadInt();
        var done = reader.ReadBool();
        return new MultiHeader(type, done, reader.ReadInt());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteInt(Type);
        writer.WriteBool(Done);
        writer.WriteInt(Err);
    }
}
