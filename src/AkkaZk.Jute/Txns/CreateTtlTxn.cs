namespace AkkaZk.Jute;

/// <summary>CreateTTLTxn (txn type 21).</summary>
public sealed record CreateTtlTxn(string Path, byte[]? Data, IReadOnlyList<Acl> Acl, int ParentCVersion, long Ttl) : ITxnBody
{
    public static CreateTtlTxn Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        var data = reader.ReadBuffer();
        var acl = AkkaZk.Jute.Acl.ReadList(ref reader) ?? [];
        var parentCVersion = reader.ReadInt();
        return new CreateTtlTxn(path, data, acl, parentCVersion, reader.ReadLong());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteBuffer(Data);
        AkkaZk.Jute.Acl.WriteList(writer, Acl);
        writer.WriteInt(ParentCVersion);
        writer.WriteLong(Ttl);
    }
}
