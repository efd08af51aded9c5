namespace AkkaZk.Jute;

/// <summary>ExistsResponse{Stat}: the reply to exists (3) when the node exists.</summary>
public sealed record ExistsResponse(Stat Stat) : IResponseRecord
{
    public static ExistsResponse Read(ref JuteReader reader) => new(Stat.Read(ref reader));

    public void Write(JuteWriter writer) => Stat.Write(writer);
}
