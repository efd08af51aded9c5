using System.Globalization;

namespace AkkaZk.Bench.Report;

/// <summary>Number formatting for tables (invariant culture).</summary>
public static class Fmt
{
    public static string Int(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
    public static string Dec(double value, int digits = 1) => value.ToString("N" + digits, CultureInfo.InvariantCulture);
    public static string Mb(long kilobytes) => (kilobytes / 1024.0).ToString("N1", CultureInfo.InvariantCulture);
}
