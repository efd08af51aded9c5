namespace AkkaZk.Hocon.Unresolved;

/// <summary>Whitespace between two parts of a value concatenation; kept because <c>a = hello world</c> keeps it.</summary>
internal sealed class HoconWhitespace(string text, HoconOrigin origin) : HoconValue(origin)
{
    public string Text { get; } = text;

    internal override string Describe() => "whitespace";
}
