namespace AkkaZk.Jute;

/// <summary>GetSASLRequest{buffer token}: sasl (102).</summary>
public sealed record GetSaslRequest(byte[]? Token) : IRequestRecord
{
    public static GetSaslRequest Read(ref JuteReader reader) => new(reader.ReadBuffer());

    public void Write(JuteWriter writer) => writer.WriteBuffer(Token);
}
