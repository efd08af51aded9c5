using System.Globalization;

namespace AkkaZk.Hocon.Conversion;

/// <summary>
/// Typed reads of one value. Every failure names the key and the origin of the value, e.g.
/// <c>akkazk.tick-time: expected a duration but got "abc" (conf/node1.conf:12)</c>.
/// </summary>
internal static class HoconConvert
{
    public static string ToText(HoconValue value, string key) =>
        value is HoconScalar scalar ? scalar.Text : throw Mismatch("a string", value, key);

    public static int ToInt(HoconValue value, string key) =>
        int.TryParse(ToText(value, key).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw Mismatch("an int", value, key);

    public static long ToLong(HoconValue value, string key) =>
        long.TryParse(ToText(value, key).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw Mismatch("a long", value, key);

    public static double ToDouble(HoconValue value, string key) =>
        double.TryParse(ToText(value, key).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw Mismatch("a number", value, key);

    // yes/no/on/off are accepted as booleans by Akka.NET and by the HOCON spec's getBoolean.
    public static bool ToBoolean(HoconValue value, string key) => ToText(value, key).Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => throw Mismatch("a boolean", value, key),
    };

    public static TimeSpan ToTimeSpan(HoconValue value, string key) =>
        DurationParser.TryParse(ToText(value, key), out var result) ? result : throw Mismatch("a duration", value, key);

    public static long ToByteSize(HoconValue value, string key) =>
        ByteSizeParser.TryParse(ToText(value, key), out var result) ? result : throw Mismatch("a size in bytes", value, key);

    public static List<string> ToStringList(HoconValue value, string key)
    {
        if (value is not HoconArray array)
        {
            throw Mismatch("a list", value, key);
        }

        return [.. array.Items.Select((item, i) => ToText(item, $"{key}[{i}]"))];
    }

    public static HoconObject ToObject(HoconValue value, string key) =>
        value as HoconObject ?? throw Mismatch("an object", value, key);

    public static HoconException Mismatch(string expected, HoconValue actual, string key) =>
        new($"expected {expected} but got {actual.Describe()}", key, actual.Origin);
}
