namespace AkkaZk.Jute;

/// <summary>ClientInfo{authScheme; user}: one authenticated identity of a session, as whoAmI reports it.</summary>
public sealed record ClientInfo(string AuthScheme, string User)
{
    public static ClientInfo Read(ref JuteReader reader)
    {
        var scheme = reader.ReadString() ?? string.Empty;
        return new ClientInfo(scheme, reader.ReadString() ?? string.Empty);
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(AuthScheme);
        writer.WriteString(User);
    }
}
