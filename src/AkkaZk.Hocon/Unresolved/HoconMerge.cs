namespace AkkaZk.Hocon.Unresolved;

/// <summary>
/// A field value that cannot be settled while parsing, layered over the value it replaces (<see cref="Prior"/>).
/// The prior is what a self-reference (<c>a = ${a} [x]</c>, <c>a += x</c>) sees, what an undefined
/// <c>${?x}</c> leaves in place, and what a resolved object merges over.
/// </summary>
internal sealed class HoconMerge(HoconValue value, HoconValue? prior) : HoconValue(value.Origin)
{
    public HoconValue Value { get; } = value;

    public HoconValue? Prior { get; set; } = prior;

    internal override string Describe() => Value.Describe();
}
