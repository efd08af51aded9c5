namespace AkkaZk.Server.FourLetterWords;

/// <summary>Open and maximum file descriptors of this process (mntr), from /proc on Linux; zeros elsewhere.</summary>
public static class FileDescriptors
{
    public static (long Open, long Max) Read()
    {
        try
        {
            var open = Directory.EnumerateFileSystemEntries("/proc/self/fd").LongCount();
            var limits = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            var max = limits is null ? 0 : long.Parse(limits.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]);
            return (open, max);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return (0, 0);
        }
    }
}
