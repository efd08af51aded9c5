using System.Globalization;
using System.Text;

namespace AkkaZk.Persistence;

/// <summary>
/// ZooKeeper's version-2/acceptedEpoch and currentEpoch files: the epoch in decimal ASCII with no newline, replaced
/// atomically (write name.tmp, fsync, rename, fsync the directory) as QuorumPeer.writeLongToFile.
/// </summary>
public static class EpochFile
{
    public const string Accepted = "acceptedEpoch";
    public const string Current = "currentEpoch";

    /// <summary>The stored epoch, or null when the file does not exist; a file that is not a number throws IOException.</summary>
    public static long? Read(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        if (!File.Exists(path)) return null;
        var text = File.ReadAllText(path, Encoding.ASCII).Trim();
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
            ? epoch
            : throw new IOException($"{path} does not hold an epoch: \"{text}\"");
    }

    public static void Write(string directory, string name, long epoch)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        var tmp = path + ".tmp";
        using (var file = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(Encoding.ASCII.GetBytes(epoch.ToString(CultureInfo.InvariantCulture)));
            file.Flush(flushToDisk: true);
        }
        File.Move(tmp, path, overwrite: true);
        DirectorySync.Flush(directory);
    }

    /// <summary>
    /// As QuorumPeer.loadDataBase: a missing file is created from the epoch of the last logged zxid; an accepted
    /// epoch below the current one is fatal.
    /// </summary>
    public static (long Accepted, long Current) Load(string directory, long lastLoggedZxid)
    {
        var fromLog = lastLoggedZxid >> 32;
        var current = Read(directory, Current);
        if (current is null) Write(directory, Current, (current = fromLog).Value);
        var accepted = Read(directory, Accepted);
        if (accepted is null) Write(directory, Accepted, (accepted = fromLog).Value);
        if (accepted < current)
            throw new IOException($"The accepted epoch, {accepted} is less than the current epoch, {current}");
        return (accepted.Value, current.Value);
    }
}
