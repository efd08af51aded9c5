namespace AkkaZk.Jute;

/// <summary>CreateContainerTxn (txn type 19).</summary>
public sealed record CreateContainerTxn(string Path, byte[]? Data, IReadOnlyList<Acl> Acl, int ParentCVersion) : ITxnBody
{
    public static CreateContainerTxn Read(ref JuteReader reader)
    {
        var path = reader.ReadString() ?? string.Empty;
        var data = reader.ReadBuffer();
        var acl = AkkaZk.Jute.Acl.ReadList(ref reader) ?? [];
        return new CreateContainerTxn(path, data, acl, reader.ReadInt());
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Path);
        writer.WriteBuffer(Data);
        AkkaZk.Jute.Acl.WriteList(writer, Acl);
        writer.WriteInt(ParentCVersion);
    }
}
