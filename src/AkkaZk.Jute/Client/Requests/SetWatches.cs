namespace AkkaZk.Jute;

/// <summary>SetWatches: setWatches (101, xid −8), re-registers a client's watches after a reconnect.</summary>
public sealed record SetWatches(
    long RelativeZxid,
    IReadOnlyList<string> DataWatches,
    IReadOnlyList<string> ExistWatches,
    IReadOnlyList<string> ChildWatches) : IRequestRecord
{
    public static SetWatches Read(ref JuteReader reader)
    {
        var relativeZxid = reader.ReadLong();
        var data = reader.ReadStringVector() ?? [];
        var exist = reader.ReadStringVector() ?? [];
        return new SetWatches(relativeZxid, data, exist, reader.ReadStringVector() ?? []);
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteLong(RelativeZxid);
        writer.WriteStringVector(DataWatches);
        writer.WriteStringVector(ExistWatches);
        writer.WriteStringVector(ChildWatches);
    }
}
