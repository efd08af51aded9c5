namespace AkkaZk.Jute;

/// <summary>SetWatches2: setWatches2 (105, xid −8), SetWatches plus the persistent and recursive watches.</summary>
public sealed record SetWatches2(
    long RelativeZxid,
    IReadOnlyList<string> DataWatches,
    IReadOnlyList<string> ExistWatches,
    IReadOnlyList<string> ChildWatches,
    IReadOnlyList<string> PersistentWatches,
    IReadOnlyList<string> PersistentRecursiveWatches) : IRequestRecord
{
    public static SetWatches2 Read(ref JuteReader reader)
    {
        var relativeZxid = reader.ReadLong();
        var data = reader.ReadStringVector() ?? [];
        var exist = reader.ReadStringVector() ?? [];
        var child = reader.ReadStringVector() ?? [];
        var persistent = reader.ReadStringVector() ?? [];
        return new SetWatches2(relativeZxid, data, exist, child, persistent, reader.ReadStringVector() ?? []);
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteLong(RelativeZxid);
        writer.WriteStringVector(DataWatches);
        writer.WriteStringVector(ExistWatches);
        writer.WriteStringVector(ChildWatches);
        writer.WriteStringVector(PersistentWatches);
        writer.WriteStringVector(PersistentRecursiveWatches);
    }
}
