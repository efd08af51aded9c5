using AkkaZk.Jute.Quorum;

namespace AkkaZk.Jute.Tests.Quorum;

/// <summary>One captured record: kind (initial, notification, packet, snapstream), direction "from->to", bytes.</summary>
internal sealed record QuorumGoldenRecord(string Kind, long From, long To, string Description, byte[] Bytes)
{
    public override string ToString() => $"{Kind} {From}->{To} {Description}";
}

/// <summary>Parses <see cref="QuorumCapture.Text"/>: "# kind from->to description" then one hex line.</summary>
internal static class QuorumGolden
{
    public static IReadOnlyList<QuorumGoldenRecord> All { get; } = Load();

    public static IEnumerable<QuorumGoldenRecord> OfKind(string kind) => All.Where(r => r.Kind == kind);

    public static IEnumerable<(QuorumGoldenRecord Record, QuorumPacket Packet)> Packets() =>
        OfKind("packet").Select(r => (r, QuorumPacket.Decode(r.Bytes)));

    private static List<QuorumGoldenRecord> Load()
    {
        var records = new List<QuorumGoldenRecord>();
        string[]? header = null;
        foreach (var line in QuorumCapture.Text.Split('\n'))
        {
            if (line.StartsWith("# ", StringComparison.Ordinal))
                header = line[2..].Split(' ', 3);
            else if (line.Length > 0 && header is not null)
            {
                var ends = header[1].Split("->");
                records.Add(new QuorumGoldenRecord(header[0], long.Parse(ends[0], System.Globalization.CultureInfo.InvariantCulture),
                    long.Parse(ends[1], System.Globalization.CultureInfo.InvariantCulture), header[2], Convert.FromHexString(line)));
                header = null;
            }
        }
        return records;
    }
}
