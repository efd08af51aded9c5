namespace AkkaZk.Jute;

/// <summary>GetEphemeralsResponse{ephemerals}: the reply to getEphemerals (103); full paths.</summary>
public sealed record GetEphemeralsResponse(IReadOnlyList<string> Ephemerals) : IResponseRecord
{
    public static GetEphemeralsResponse Read(ref JuteReader reader) => new(reader.ReadStringVector() ?? []);

    public void Write(JuteWriter writer) => writer.WriteStringVector(Ephemerals);
}
