namespace AkkaZk.Jute;

/// <summary>An identity: scheme + id (e.g. world:anyone, digest:user:hash, ip:127.0.0.1).</summary>
public sealed record Id(string Scheme, string Ident)
{
    public static readonly Id Anyone = new("world", "anyone");

    public static Id Read(ref JuteReader reader) =>
        new(reader.ReadString() ?? string.Empty, reader.ReadString() ?? string.Empty);

    public void Write(JuteWriter writer)
    {
        writer.WriteString(Scheme);
        writer.WriteString(Ident);
    }

    public override string ToString() => $"{Scheme}:{Ident}";
}
