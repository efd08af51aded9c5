using System.Globalization;

namespace AkkaZk.Consensus;

/// <summary>Reads and rewrites the parts of a QuorumVerifier string the cores need: members, roles and version.</summary>
internal static class QuorumConfigText
{
    private const string VersionKey = "version=";

    public static (List<long> Voters, List<long> Observers, long Version) Members(string text)
    {
        var voters = new List<long>();
        var observers = new List<long>();
        long version = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith(VersionKey, StringComparison.Ordinal))
            {
                version = long.Parse(line[VersionKey.Length..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                continue;
            }
            var eq = line.IndexOf('=');
            if (!line.StartsWith("server.", StringComparison.Ordinal) || eq < 0) continue;
            if (!long.TryParse(line["server.".Length..eq], NumberStyles.None, CultureInfo.InvariantCulture, out var sid)) continue;
            var address = line[(eq + 1)..].Split(';')[0];
            var role = address[(address.LastIndexOf(':') + 1)..].Trim();
            (role.Equals("observer", StringComparison.OrdinalIgnoreCase) ? observers : voters).Add(sid);
        }
        return (voters, observers, version);
    }

    public static string WithVersion(string text, long version)
    {
        var lines = text.Split('\n').Where(l => !l.Trim().StartsWith(VersionKey, StringComparison.Ordinal));
        return string.Join('\n', lines.Append(string.Create(CultureInfo.InvariantCulture, $"{VersionKey}{version:x}")));
    }
}
