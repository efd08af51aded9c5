using System.Security.Cryptography;
using System.Text;

namespace AkkaZk.DataTree;

/// <summary>ZooKeeper's DigestAuthenticationProvider (SHA1 default): ids are <c>user:base64(sha1("user:password"))</c>.</summary>
public static class DigestAuthenticationProvider
{
    public const string Scheme = "digest";

    /// <summary>"bob:secret" → "bob:fyVmFCwVbTJYrznoSu1koqYEYF0=" (user part = text before the first ':').</summary>
    public static string GenerateDigest(string userColonPassword)
    {
        ArgumentNullException.ThrowIfNull(userColonPassword);
        var colon = userColonPassword.IndexOf(':');
        var user = colon < 0 ? userColonPassword : userColonPassword[..colon];
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(userColonPassword));
        return user + ":" + Convert.ToBase64String(hash);
    }

    /// <summary>isValid: Java <c>id.split(":").length == 2</c> (trailing empty parts are dropped by split).</summary>
    public static bool IsValid(string id) => JavaSplitCount(id, ':') == 2;

    /// <summary>matches: plain string equality.</summary>
    public static bool Matches(string clientId, string aclId) => string.Equals(clientId, aclId, StringComparison.Ordinal);

    private static int JavaSplitCount(string text, char separator)
    {
        if (text.Length == 0) return 1;   // "".split(":") is [""]
        var parts = text.Split(separator);
        var count = parts.Length;
        while (count > 0 && parts[count - 1].Length == 0) count--;
        return count;
    }
}
