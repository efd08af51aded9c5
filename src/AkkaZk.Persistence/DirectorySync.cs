using System.Runtime.InteropServices;

namespace AkkaZk.Persistence;

/// <summary>
/// fsync of a directory, so a rename into it survives a power loss (POSIX makes the new name durable only once
/// the directory itself is synced). .NET has no API for it, hence open(2)/fsync(2).
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;

    public static void Flush(string directory)
    {
        // NTFS journals the rename's metadata and a directory cannot be opened for flushing without extra rights.
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(directory, ReadOnly);
        if (fd < 0) throw new IOException($"open({directory}) failed: errno {Marshal.GetLastPInvokeError()}");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"fsync({directory}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // DllImport rather than LibraryImport: the generated stubs need AllowUnsafeBlocks, which this project avoids.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
