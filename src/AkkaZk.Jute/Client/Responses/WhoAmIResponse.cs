namespace AkkaZk.Jute;

/// <summary>WhoAmIResponse{vector&lt;ClientInfo&gt;}: the reply to whoAmI (107).</summary>
public sealed record WhoAmIResponse(IReadOnlyList<ClientInfo> ClientInfo) : IResponseRecord
{
    public static WhoAmIResponse Read(ref JuteReader reader)
    {
        var count = reader.ReadVectorCount();
        var list = new List<ClientInfo>(Math.Max(count, 0));
        for (var i = 0; i < count; i++) list.Add(AkkaZk.Jute.ClientInfo.Read(ref reader));
        return new WhoAmIResponse(list);
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteInt(ClientInfo.Count);
        foreach (var info in ClientInfo) info.Write(writer);
    }
}
