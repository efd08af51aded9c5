using System.Globalization;

namespace AkkaZk.Bench.Cli;

/// <summary>Parses "10s", "500ms", "2m", "1.5s" or a bare number of seconds.</summary>
public static class Durations
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        var ok = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0;
        value = ok ? TimeSpan.FromSeconds(amount * unit) : TimeSpan.Zero;
        return ok;
    }
}
