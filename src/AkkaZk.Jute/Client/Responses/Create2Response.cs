namespace AkkaZk.Jute;

/// <summary>Create2Response{path; Stat}: the reply to create2 (15), createContainer (19) and createTTL (21).</summary>
public sealed record Create2Response(string Path, Stat Stat) : IResponseRecord
{
    public static Create2Response Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        return new Create2Response(path, Stat.Read(ref reader));
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        Stat.Write(writer);
    }
}
