namespace AkkaZk.Hocon;

/// <summary>
/// A string, number, boolean or null. The text is kept as written: typed getters convert on demand, so
/// <c>"2000"</c> and <c>2000</c> both read as an int, and <c>yes</c>/<c>on</c> as booleans (as Akka.NET does).
/// </summary>
public sealed class HoconScalar : HoconValue
{
    public HoconScalar(string text, HoconScalarKind kind, HoconOrigin origin)
        : base(origin)
    {
        Text = text;
        Kind = kind;
    }

    public string Text { get; }

    public HoconScalarKind Kind { get; }

    public bool IsNull => Kind == HoconScalarKind.Null;

    /// <summary>Types an unquoted token the way HOCON does: true/false, null and JSON numbers; anything else is a string.</summary>
    internal static HoconScalar FromUnquoted(string text, HoconOrigin origin) => new(text, KindOf(text), origin);

    internal override string Describe() => IsNull ? "null" : $"\"{Text}\"";

    private static HoconScalarKind KindOf(string text) => text switch
    {
        "true" or "false" => HoconScalarKind.Boolean,
        "null" => HoconScalarKind.Null,
        _ when Conversion.NumberSyntax.IsJsonNumber(text) => HoconScalarKind.Number,
        _ => HoconScalarKind.String,
    };
}
