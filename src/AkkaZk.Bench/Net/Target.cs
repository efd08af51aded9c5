namespace AkkaZk.Bench.Net;

/// <summary>A server's client address, parsed from "host:port".</summary>
public sealed record Target(string Host, int Port)
{
    public static Target Parse(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), out var port) || port is <= 0 or > 65535)
            throw new FormatException($"expected host:port, got '{value}'");
        return new Target(value[..colon], port);
    }

    public override string ToString() => $"{Host}:{Port}";
}
