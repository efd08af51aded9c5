namespace AkkaZk.Hocon.Conversion;

/// <summary>HOCON durations: <c>500ms</c>, <c>2s</c>, <c>2 seconds</c>, <c>1m</c>; a bare number is milliseconds (as Akka.NET).</summary>
internal static class DurationParser
{
    private const decimal TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000m;

    private static readonly Dictionary<string, decimal> _ticksPerUnit = Build(
        (TicksPerMicrosecond / 1000m, ["ns", "nano", "nanos", "nanosecond", "nanoseconds"]),
        (TicksPerMicrosecond, ["us", "micro", "micros", "microsecond", "microseconds"]),
        (TimeSpan.TicksPerMillisecond, ["", "ms", "milli", "millis", "millisecond", "milliseconds"]),
        (TimeSpan.TicksPerSecond, ["s", "second", "seconds"]),
        (TimeSpan.TicksPerMinute, ["m", "min", "mins", "minute", "minutes"]),
        (TimeSpan.TicksPerHour, ["h", "hour", "hours"]),
        (TimeSpan.TicksPerDay, ["d", "day", "days"]));

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        if (text.Trim() == "infinite")
        {
            // Akka.NET's spelling for "no timeout".
            value = Timeout.InfiniteTimeSpan;
            return true;
        }

        if (!NumberSyntax.TrySplit(text, out var number, out var unit) || !_ticksPerUnit.TryGetValue(unit, out var ticksPerUnit))
        {
            return false;
        }

        var ticks = decimal.Round(number * ticksPerUnit);
        if (ticks is > long.MaxValue or < long.MinValue)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    private static Dictionary<string, decimal> Build(params (decimal Ticks, string[] Names)[] units) =>
        units.SelectMany(u => u.Names.Select(n => (Name: n, u.Ticks))).ToDictionary(x => x.Name, x => x.Ticks, StringComparer.Ordinal);
}
