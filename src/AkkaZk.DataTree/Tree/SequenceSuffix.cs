using System.Globalization;

namespace AkkaZk.DataTree;

/// <summary>The sequential-node suffix: Java's <c>String.format("%010d", parentCversion)</c>.</summary>
internal static class SequenceSuffix
{
    /// <summary>Width 10 includes the sign: 5 → "0000000005", −5 → "-000000005", int.MinValue → "-2147483648".</summary>
    public static string Format(int value)
    {
        if (value >= 0) return value.ToString("D10", CultureInfo.InvariantCulture);
        var digits = ((long)value).ToString(CultureInfo.InvariantCulture)[1..];
        return "-" + digits.PadLeft(9, '0');
    }
}
