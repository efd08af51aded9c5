using System.Globalization;

namespace AkkaZk.Persistence;

/// <summary>ZooKeeper's snapshot file names: <c>snapshot.&lt;zxid in lower-case hex, unpadded&gt;</c> (Long.toHexString).</summary>
internal static class SnapshotFileName
{
    public const string Prefix = "snapshot.";
    public const string TempSuffix = ".tmp";

    public static string For(long zxid) => Prefix + zxid.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Parses a final snapshot name; temp files and other suffixes (".tmp", ".gz") do not parse.</summary>
    public static bool TryParse(string fileName, out long zxid)
    {
        zxid = 0;
        if (!fileName.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var hex = fileName.AsSpan(Prefix.Length);
        return hex.Length is > 0 and <= 16 &&
            long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out zxid);
    }
}
