using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AkkaZk.Bench.Load;

/// <summary>
/// Sleeps until a Stopwatch timestamp with microsecond precision and no spinning, so the fixed-rate sender leaves
/// the CPU to the server. On Linux .NET's Stopwatch reads CLOCK_MONOTONIC in nanoseconds, so the timestamp is an
/// absolute deadline for clock_nanosleep; the thread's timer slack is lowered from the default 50 µs. Elsewhere it
/// falls back to Thread.Sleep (millisecond granularity).
/// </summary>
public static class PreciseSleep
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsTime = 1;
    private const int PrSetTimerSlack = 29;
    private const int Eintr = 4;

    private static readonly bool Native = OperatingSystem.IsLinux() && Stopwatch.Frequency == 1_000_000_000;

    /// <summary>Call once on the sleeping thread: timer slack 1 µs (prctl PR_SET_TIMERSLACK).</summary>
    public static void TightenTimerSlack()
    {
        if (Native) _ = Prctl(PrSetTimerSlack, 1000, 0, 0, 0);
    }

    public static void Until(long stopwatchTicks)
    {
        if (Native)
        {
            var deadline = new Timespec(stopwatchTicks / 1_000_000_000, stopwatchTicks % 1_000_000_000);
            while (ClockNanosleep(ClockMonotonic, TimerAbsTime, in deadline, IntPtr.Zero) == Eintr) { }
            return;
        }
        var micros = (stopwatchTicks - Stopwatch.GetTimestamp()) * 1_000_000 / Stopwatch.Frequency;
        if (micros > 0) Thread.Sleep(TimeSpan.FromMicroseconds(micros));
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Timespec(long seconds, long nanoseconds)
    {
        public readonly long Seconds = seconds;
        public readonly long Nanoseconds = nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_nanosleep")]
    private static extern int ClockNanosleep(int clockId, int flags, in Timespec request, IntPtr remain);

    [DllImport("libc", EntryPoint = "prctl")]
    private static extern int Prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);
}
