namespace AkkaZk.Jute;

/// <summary>One ACL entry: permission bits for an identity.</summary>
public sealed record Acl(int Perms, Id Id)
{
    public static readonly IReadOnlyList<Acl> OpenAclUnsafe = [new(AkkaZk.Jute.Perms.All, Id.Anyone)];
    public static readonly IReadOnlyList<Acl> ReadAclUnsafe = [new(AkkaZk.Jute.Perms.Read, Id.Anyone)];

    public static Acl Read(ref JuteReader reader)
    {
        var perms = reader.ReadInt();
        return new Acl(perms, Id.Read(ref reader));
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteInt(Perms);
        Id.Write(writer);
    }

    /// <summary>A vector&lt;ACL&gt;; null (−1) reads as null.</summary>
    public static List<Acl>? ReadList(ref JuteReader reader)
    {
        var count = reader.ReadVectorCount();
        if (count < 0) return null;
        var list = new List<Acl>(count);
        for (var i = 0; i < count; i++) list.Add(Read(ref reader));
        return list;
    }

    public static void WriteList(JuteWriter writer, IReadOnlyList<Acl>? acl)
    {
        if (acl is null) { writer.WriteInt(-1); return; }
        writer.WriteInt(acl.Count);
        foreach (var entry in acl) entry.Write(writer);
    }
}
