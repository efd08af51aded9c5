namespace AkkaZk.Jute;

/// <summary>CreateTxn (txn types create 1 and create2 15).</summary>
public sealed record CreateTxn(string Path, byte[]? Data, IReadOnlyList<Acl> Acl, bool Ephemeral, int ParentCVersion) : ITxnBody
{
    public static CreateTxn Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        var data = reader.ReadBuffer();
        var acl = AkkaZk.Jute.Acl.ReadList(ref reader) ?? [];
        var ephemeral = reader.ReadBool();
        return new CreateTxn(path, data, acl, ephemeral, reader.ReadInt());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteBuffer(Data);
        AkkaZk.Jute.Acl.WriteList(writer, Acl);
        writer.WriteBool(Ephemeral);
        writer.WriteInt(ParentCVersion);
    }
}
