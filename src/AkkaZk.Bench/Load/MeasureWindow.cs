using System.Diagnostics;

namespace AkkaZk.Bench.Load;

/// <summary>The measured interval in Stopwatch ticks: replies completing inside it count, warm-up and drain do not.</summary>
public sealed record MeasureWindow(long StartTicks, long EndTicks)
{
    public static long MicrosBetween(long fromTicks, long toTicks) =>
        (toTicks - fromTicks) * 1_000_000 / Stopwatch.Frequency;

    public static long TicksFrom(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    public bool Contains(long ticks) => ticks >= StartTicks && ticks < EndTicks;
}
