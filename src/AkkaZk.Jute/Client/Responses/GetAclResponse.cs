namespace AkkaZk.Jute;

/// <summary>GetACLResponse{acl; Stat}: the reply to getACL (6).</summary>
public sealed record GetAclResponse(IReadOnlyList<Acl> Acl, Stat Stat) : IResponseRecord
{
    public static GetAclResponse Read(ref JuteReader reader)
    {
        var acl = AkkaZk.Jute.Acl.ReadList(ref reader) ?? [];
        return new GetAclResponse(acl, Stat.Read(ref reader));
    }

    public void Write(JuteWriter writer)
    {
        AkkaZk.Jute.Acl.WriteList(writer, Acl);
        Stat.Write(writer);
    }
}
