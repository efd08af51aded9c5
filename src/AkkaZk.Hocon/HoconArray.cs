namespace AkkaZk.Hocon;

public sealed class HoconArray : HoconValue
{
    public HoconArray(IEnumerable<HoconValue> items, HoconOrigin origin)
        : base(origin) => Items = [.. items];

    public IReadOnlyList<HoconValue> Items { get; }

    /// <summary>Set by the resolver so resolving an already resolved tree is a no-op.</summary>
    internal bool IsResolved { get; init; }

    internal override string Describe() => "a list";
}
