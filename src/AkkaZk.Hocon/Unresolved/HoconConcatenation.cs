namespace AkkaZk.Hocon.Unresolved;

/// <summary>
/// Several values written side by side (<c>${a} [1]</c>, <c>"x" ${y}</c>). Joined after substitution into one
/// string, list or object; concatenations of plain strings are folded by the parser and never reach here.
/// </summary>
internal sealed class HoconConcatenation(IReadOnlyList<HoconValue> parts, HoconOrigin origin) : HoconValue(origin)
{
    public IReadOnlyList<HoconValue> Parts { get; } = parts;

    internal override string Describe() => "a concatenation";
}
