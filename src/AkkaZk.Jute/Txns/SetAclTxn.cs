namespace AkkaZk.Jute;

/// <summary>SetACLTxn (txn type 7); Version is the new aversion.</summary>
public sealed record SetAclTxn(string Path, IReadOnlyList<Acl> Acl, int Version) : ITxnBody
{
    public static SetAclTxn Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        var acl = AkkaZk.Jute.Acl.ReadList(ref reader) ?? [];
        return new SetAclTxn(path, acl, reader.ReadInt());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        AkkaZk.Jute.Acl.WriteList(writer, Acl);
        writer.WriteInt(Version);
    }
}
