namespace AkkaZk.Jute;

/// <summary>ErrorResponse{err}: the body of a failed multi result, and of addWatch's reply (err 0).</summary>
public sealed record ErrorResponse(int Err) : IResponseRecord
{
    public static ErrorResponse Read(ref JuteReader reader) => new(reader.ReadInt());

    public void Write(JuteWriter writer) => writer.WriteInt(Err);
}
