namespace AkkaZk.Jute;

/// <summary>GetEphemeralsRequest{prefixPath}: getEphemerals (103).</summary>
public sealed record GetEphemeralsRequest(string PrefixPath) : IRequestRecord
{
    public static GetEphemeralsRequest Read(ref JuteReader reader) => new(reader.ReadString() ?? string.Empty);

    public void Write(JuteWriter writer) => writer.WriteString(PrefixPath);
}
