namespace AkkaZk.Bench.Net;

/// <summary>
/// The server(s) to load: "host:port", or a comma-separated list (an ensemble), over which sessions are spread
/// round-robin. <see cref="Host"/> and <see cref="Port"/> are the first member (setup, cleanup, one-session runs).
/// </summary>
public sealed record Target(string Host, int Port)
{
    public IReadOnlyList<Target> Members { get; init; } = [];

    public static Target Parse(string value)
    {
        var members = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseOne).ToList();
        if (members.Count == 0) throw new FormatException($"expected host:port, got '{value}'");
        return members.Count == 1 ? members[0] : members[0] with { Members = members };
    }

    /// <summary>The member session <paramref name="index"/> connects to.</summary>
    public Target ForSession(int index) => Members.Count == 0 ? this : Members[index % Members.Count];

    public override string ToString() => Members.Count == 0 ? $"{Host}:{Port}" : string.Join(',', Members.Select(m => $"{m.Host}:{m.Port}"));

    private static Target ParseOne(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), out var port) || port is <= 0 or > 65535)
            throw new FormatException($"expected host:port, got '{value}'");
        return new Target(value[..colon], port);
    }
}
