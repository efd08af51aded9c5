using System.Diagnostics;
using System.Globalization;

namespace AkkaZk.Bench.Metrics;

/// <summary>Reads a process's CPU and memory from Linux /proc (stat: utime + stime in clock ticks; status: VmRSS, VmHWM).</summary>
public static class ProcFs
{
    private static readonly Lazy<int> ClockTicks = new(ReadClockTicks);

    /// <summary>Null when the process is gone or /proc is not there.</summary>
    public static ProcessSample? Sample(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
            var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
            long rss = 0, hwm = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line);
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kilobytes(line);
            }
            return new ProcessSample((utime + stime) / (double)ClockTicks.Value, rss, hwm);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    /// <summary>getconf CLK_TCK (USER_HZ); 100 on every Linux we run on, used if getconf is missing.</summary>
    private static int ReadClockTicks()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true });
            if (process is null) return 100;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return int.TryParse(text.Trim(), out var ticks) && ticks > 0 ? ticks : 100;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    }
}
