namespace AkkaZk.Jute;

/// <summary>GetAllChildrenNumberResponse{totalNumber}: the reply to getAllChildrenNumber (104).</summary>
public sealed record GetAllChildrenNumberResponse(int TotalNumber) : IResponseRecord
{
    public static GetAllChildrenNumberResponse Read(ref JuteReader reader) => new(reader.ReadInt());

    public void Write(JuteWriter writer) => writer.WriteInt(TotalNumber);
}
