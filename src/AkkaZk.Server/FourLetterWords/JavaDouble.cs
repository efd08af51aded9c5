using System.Globalization;

namespace AkkaZk.Server.FourLetterWords;

/// <summary>Formats a double as Java's Double.toString, which ZooKeeper's texts use ("0.0", "1.8571", "5.0E-4").</summary>
public static class JavaDouble
{
    public static string Format(double value)
    {
        if (value == 0) return "0.0";
        var magnitude = Math.Abs(value);
        if (magnitude is >= 1e-3 and < 1e7)
        {
            var text = value.ToString("0.0###############", CultureInfo.InvariantCulture);
            return text;
        }
        var exponent = (int)Math.Floor(Math.Log10(magnitude));
        var mantissa = value / Math.Pow(10, exponent);
        return mantissa.ToString("0.0###############", CultureInfo.InvariantCulture) + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>ZooKeeper's AvgMinMaxCounter average: rounded to 4 decimals, half up.</summary>
    public static string Average(double value) => Format(Math.Round(value, 4, MidpointRounding.AwayFromZero));
}
