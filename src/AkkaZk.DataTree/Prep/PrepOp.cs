using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>A client write as Prep sees it (a top-level request or one op of a multi).</summary>
public abstract record PrepOp
{
    private PrepOp()
    {
    }

    /// <summary>create (1), create2 (15), createContainer (19) or createTTL (21); <paramref name="Ttl"/> is −1 unless createTTL.</summary>
    public sealed record Create(int OpCode, string Path, byte[]? Data, IReadOnlyList<Acl>? Acl, int Flags, long Ttl = -1) : PrepOp;

    public sealed record Delete(string Path, int Version) : PrepOp;

    public sealed record SetData(string Path, byte[]? Data, int Version) : PrepOp;

    public sealed record SetAcl(string Path, IReadOnlyList<Acl>? Acl, int Version) : PrepOp;

    /// <summary>check (13): only valid inside a multi.</summary>
    public sealed record Check(string Path, int Version) : PrepOp;
}
