using System.Globalization;

namespace AkkaZk.DataTree;

/// <summary>
/// ZooKeeper 3.8's IPAuthenticationProvider: ids are <c>a.b.c.d</c> or <c>a.b.c.d/bits</c>; IPv4 only
/// (IPv6 addresses never parse, so they never match).
/// </summary>
public static class IpAuthenticationProvider
{
    public const string Scheme = "ip";

    public static bool Matches(string clientIp, string aclId)
    {
        if (!TryParse(aclId, out var aclAddr, out var bits)) return false;
        var remote = ParseV4(clientIp);
        if (remote is null) return false;
        Mask(aclAddr, bits);
        Mask(remote, bits);
        return aclAddr.AsSpan().SequenceEqual(remote);
    }

    public static bool IsValid(string id) => TryParse(id, out _, out _);

    private static bool TryParse(string id, out byte[] address, out int bits)
    {
        address = [];
        bits = 0;
        var slash = id.IndexOf('/');
        var parsed = ParseV4(slash < 0 ? id : id[..slash]);
        if (parsed is null) return false;
        address = parsed;
        bits = parsed.Length * 8;
        if (slash < 0) return true;
        return TryParseJavaInt(id[(slash + 1)..], out bits) && bits >= 0 && bits <= parsed.Length * 8;
    }

    /// <summary>v4addr2Bytes: exactly four dot-separated Integer.parseInt values in 0..255.</summary>
    private static byte[]? ParseV4(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4) return null;
        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            if (!TryParseJavaInt(parts[i], out var value) || value < 0 || value > 255) return null;
            bytes[i] = (byte)value;
        }
        return bytes;
    }

    /// <summary>Integer.parseInt: optional sign then ASCII digits.</summary>
    private static bool TryParseJavaInt(string text, out int value)
    {
        value = 0;
        if (text.Length == 0) return false;
        var start = text[0] is '+' or '-' ? 1 : 0;
        if (start == text.Length) return false;
        for (var i = start; i < text.Length; i++)
            if (text[i] is < '0' or > '9') return false;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static void Mask(byte[] address, int bits)
    {
        var start = bits / 8;
        var startMask = ~((1 << (8 - (bits % 8))) - 1);
        for (; start < address.Length; start++)
        {
            address[start] = (byte)(address[start] & startMask);
            startMask = 0;
        }
    }
}
