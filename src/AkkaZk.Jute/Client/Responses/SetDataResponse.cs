namespace AkkaZk.Jute;

/// <summary>SetDataResponse{Stat}: the reply to setData (5), also a multi result body.</summary>
public sealed record SetDataResponse(Stat Stat) : IResponseRecord
{
    public static SetDataResponse Read(ref JuteReader reader) => new(Stat.Read(ref reader));

    public void Write(JuteWriter writer) => Stat.Write(writer);
}
