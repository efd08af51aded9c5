using System.Globalization;
using System.Text;
using AkkaZk.DataTree;

namespace AkkaZk.Server.FourLetterWords;

/// <summary>The digest history as ZooKeeper 3.8's DigestCommand prints it and the AdminServer's hash command answers it.</summary>
public static class DigestText
{
    /// <summary>One "&lt;zxid hex&gt;: &lt;digest as a signed decimal&gt;" line per entry, oldest first; empty without entries.</summary>
    public static string Hash(IReadOnlyList<ZxidDigest> digests)
    {
        var text = new StringBuilder();
        foreach (var digest in digests)
            text.Append(CultureInfo.InvariantCulture, $"{digest.Zxid:x}: {digest.Digest}\n");
        return text.ToString();
    }

    /// <summary>ZxidDigest as Jackson writes it for the AdminServer (snake-case names).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> Entries(IReadOnlyList<ZxidDigest> digests) =>
        [.. digests.Select(d => new Dictionary<string, object?>
        {
            ["zxid"] = d.Zxid,
            ["digest"] = d.Digest,
            ["digest_version"] = d.DigestVersion,
        })];
}
