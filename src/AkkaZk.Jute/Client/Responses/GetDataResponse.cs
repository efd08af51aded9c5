namespace AkkaZk.Jute;

/// <summary>GetDataResponse{data; Stat}: the reply to getData (4) and reconfig (16).</summary>
public sealed record GetDataResponse(byte[]? Data, Stat Stat) : IResponseRecord
{
    public static GetDataResponse Read(ref JuteReader reader)
    {
        var data = reader.ReadBuffer();
        return new GetDataResponse(data, Stat.Read(ref reader));
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteBuffer(Data);
        Stat.Write(writer);
    }
}
