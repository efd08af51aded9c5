namespace AkkaZk.Jute;

/// <summary>
/// ReconfigRequest: reconfig (16). The server lists may be null (the Java admin client sends −1 for an absent list).
/// </summary>
public sealed record ReconfigRequest(string? JoiningServers, string? LeavingServers, string? NewMembers, long CurConfigId)
    : IRequestRecord
{
    public static ReconfigRequest Read(ref JuteReader reader)
    {
        var joining = reader.ReadString();
        var leaving = reader.ReadString();
        var newMembers = reader.ReadString();
        return new ReconfigRequest(joining, leaving, newMembers, reader.ReadLong());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(JoiningServers);
        writer.WriteString(LeavingServers);
        writer.WriteString(NewMembers);
        writer.WriteLong(CurConfigId);
    }
}
