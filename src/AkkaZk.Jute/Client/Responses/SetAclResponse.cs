namespace AkkaZk.Jute;

/// <summary>SetACLResponse{Stat}: the reply to setACL (7).</summary>
public sealed record SetAclResponse(Stat Stat) : IResponseRecord
{
    public static SetAclResponse Read(ref JuteReader reader) => new(Stat.Read(ref reader));

    public void Write(JuteWriter writer) => Stat.Write(writer);
}
