namespace AkkaZk.Jute;

/// <summary>GetChildren2Response{children; Stat}: the reply to getChildren2 (12).</summary>
public sealed record GetChildren2Response(IReadOnlyList<string> Children, Stat Stat) : IResponseRecord
{
    public static GetChildren2Response Read(ref JuteReader reader)
    {
        var children = reader.ReadStringVector() ?? [];
        return new GetChildren2Response(children, Stat.Read(ref reader));
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteStringVector(Children);
        Stat.Write(writer);
    }
}
