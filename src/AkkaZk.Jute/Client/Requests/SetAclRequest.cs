namespace AkkaZk.Jute;

/// <summary>SetACLRequest{path; acl; version}: setACL (7); version is compared with the node's aversion.</summary>
public sealed record SetAclRequest(string Path, IReadOnlyList<Acl> Acl, int Version) : IRequestRecord
{
    public static SetAclRequest Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        var acl = AkkaZk.Jute.Acl.ReadList(ref reader) ?? [];
        return new SetAclRequest(path, acl, reader.ReadInt());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        AkkaZk.Jute.Acl.WriteList(writer, Acl);
        writer.WriteInt(Version);
    }
}
