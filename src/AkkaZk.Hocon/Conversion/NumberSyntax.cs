using System.Text.RegularExpressions;

namespace AkkaZk.Hocon.Conversion;

internal static partial class NumberSyntax
{
    public static bool IsJsonNumber(string text) => JsonNumber().IsMatch(text);

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();

    /// <summary>Splits "500ms", "2 seconds", "1.5K" into the number and the unit (empty when there is none).</summary>
    public static bool TrySplit(string text, out decimal number, out string unit)
    {
        var match = NumberWithUnit().Match(text.Trim());
        number = 0;
        unit = match.Groups["unit"].Value;
        return match.Success && decimal.TryParse(
            match.Groups["number"].Value,
            System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture,
            out number);
    }

    [GeneratedRegex(@"^(?<number>[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?)\s*(?<unit>[A-Za-z]*)$")]
    private static partial Regex NumberWithUnit();
}
