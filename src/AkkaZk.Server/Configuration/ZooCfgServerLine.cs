using System.Globalization;
using AkkaZk.Hocon;

namespace AkkaZk.Server.Configuration;

/// <summary>
/// Parses <c>server.N=host:quorumPort:electionPort[:participant|observer][;[clientAddr:]clientPort]</c> into the
/// HOCON object of one <c>servers</c> entry. Hosts may be bracketed IPv6 literals (<c>[::1]:2888:3888</c>).
/// </summary>
internal static class ZooCfgServerLine
{
    public const string Prefix = "server.";

    public static HoconObject Parse(PropertyLine line, string file)
    {
        var origin = new HoconOrigin(file, line.Line);
        var id = line.Key[Prefix.Length..];
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw Malformed(line, file, $"expected a numeric server id in the key but got \"{id}\"");
        }

        var (addressPart, clientPart) = line.Value.Split(';', 2) switch
        {
            [var address] => (address.Trim(), null),
            [var address, var client] => (address.Trim(), client.Trim()),
            _ => throw Malformed(line, file, "empty value"),
        };

        var (host, rest) = SplitHost(addressPart, line, file);
        var ports = rest.Split(':');
        if (ports.Length is < 2 or > 3 || host.Length == 0)
        {
            throw Malformed(line, file, "expected host:quorumPort:electionPort[:participant|observer][;[clientAddr:]clientPort]");
        }

        var fields = new List<KeyValuePair<string, HoconValue>>
        {
            new("id", Number(id, origin)),
            new("host", Text(host, origin)),
            new("quorum-port", Port(ports[0], "quorum port", line, file)),
            new("election-port", Port(ports[1], "election port", line, file)),
            new("role", Text(ports.Length == 3 ? Role(ports[2], line, file) : "participant", origin)),
        };

        if (!string.IsNullOrEmpty(clientPart))
        {
            var (clientHost, clientPort) = SplitClient(clientPart, line, file);
            fields.Add(new("client-port", Port(clientPort, "client port", line, file)));
            if (clientHost is not null)
            {
                fields.Add(new("client-address", Text(clientHost, origin)));
            }
        }

        return new HoconObject(origin, fields);
    }

    private static (string Host, string Ports) SplitHost(string address, PropertyLine line, string file)
    {
        if (!address.StartsWith('['))
        {
            var colon = address.IndexOf(':');
            return colon < 0 ? throw Malformed(line, file, "expected host:quorumPort:electionPort") : (address[..colon], address[(colon + 1)..]);
        }

        var close = address.IndexOf("]:", StringComparison.Ordinal);
        return close < 0 ? throw Malformed(line, file, "unterminated [IPv6] host") : (address[1..close], address[(close + 2)..]);
    }

    private static (string? Host, string Port) SplitClient(string client, PropertyLine line, string file)
    {
        var colon = client.LastIndexOf(':');
        if (colon < 0)
        {
            return (null, client);
        }

        var host = client[..colon].Trim('[', ']');
        return host.Length == 0 ? throw Malformed(line, file, "empty client address") : (host, client[(colon + 1)..]);
    }

    private static string Role(string role, PropertyLine line, string file) => role.Trim().ToLowerInvariant() switch
    {
        "participant" or "observer" => role.Trim().ToLowerInvariant(),
        _ => throw Malformed(line, file, $"expected participant or observer but got \"{role}\""),
    };

    private static HoconScalar Port(string text, string what, PropertyLine line, string file) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? Number(text.Trim(), new HoconOrigin(file, line.Line))
            : throw Malformed(line, file, $"expected a numeric {what} but got \"{text}\"");

    private static HoconScalar Number(string text, HoconOrigin origin) => new(text, HoconScalarKind.Number, origin);

    private static HoconScalar Text(string text, HoconOrigin origin) => new(text, HoconScalarKind.String, origin);

    private static HoconException Malformed(PropertyLine line, string file, string detail) => new(detail, line.Key, file, line.Line);
}
