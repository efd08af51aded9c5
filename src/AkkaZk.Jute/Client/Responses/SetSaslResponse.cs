namespace AkkaZk.Jute;

/// <summary>SetSASLResponse{buffer token}: the reply to sasl (102).</summary>
public sealed record SetSaslResponse(byte[]? Token) : IResponseRecord
{
    public static SetSaslResponse Read(ref JuteReader reader) => new(reader.ReadBuffer());

    public void Write(JuteWriter writer) => writer.WriteBuffer(Token);
}
