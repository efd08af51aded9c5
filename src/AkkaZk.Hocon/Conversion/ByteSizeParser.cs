namespace AkkaZk.Hocon.Conversion;

/// <summary>
/// HOCON sizes. As in the HOCON spec, single letters and the "i" forms are powers of 1024 (K, KiB, M, MiB),
/// while the SI forms are powers of 1000 (kB, KB, MB, GB); a bare number is bytes.
/// </summary>
internal static class ByteSizeParser
{
    private static readonly Dictionary<string, decimal> _bytesPerUnit = Build();

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        if (!NumberSyntax.TrySplit(text, out var number, out var unit) || !_bytesPerUnit.TryGetValue(unit, out var factor))
        {
            return false;
        }

        var total = decimal.Round(number * factor);
        if (total is > long.MaxValue or < 0)
        {
            return false;
        }

        bytes = (long)total;
        return true;
    }

    private static Dictionary<string, decimal> Build()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            [""] = 1,
            ["B"] = 1,
            ["b"] = 1,
            ["byte"] = 1,
            ["bytes"] = 1,
        };
        string[] powers = ["K", "M", "G", "T"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi"];
        string[] decimalNames = ["kilo", "mega", "giga", "tera"];
        for (var i = 0; i < powers.Length; i++)
        {
            var binary = (decimal)Math.Pow(1024, i + 1);
            var si = (decimal)Math.Pow(1000, i + 1);
            var letter = powers[i];
            var lower = letter.ToLowerInvariant();
            foreach (var name in new[] { letter, lower, letter + "i", letter + "iB", binaryNames[i] + "byte", binaryNames[i] + "bytes" })
            {
                units[name] = binary;
            }

            foreach (var name in new[] { letter + "B", lower + "B", decimalNames[i] + "byte", decimalNames[i] + "bytes" })
            {
                units[name] = si;
            }
        }

        return units;
    }
}
