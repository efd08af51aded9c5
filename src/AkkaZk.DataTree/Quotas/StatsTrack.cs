using System.Globalization;
using System.Text;

namespace AkkaZk.DataTree;

/// <summary>
/// ZooKeeper's StatsTrack: the text in zookeeper_limits / zookeeper_stats nodes, <c>key=long</c> pairs
/// separated by ',' or ';'. Missing keys read as −1. Malformed pairs are skipped (ZooKeeper would throw).
/// </summary>
internal sealed class StatsTrack
{
    private const string CountKey = "count";
    private const string BytesKey = "bytes";
    private const string CountHardLimitKey = "countHardLimit";
    private const string ByteHardLimitKey = "byteHardLimit";

    private readonly Dictionary<string, long> _stats = new(StringComparer.Ordinal);

    public StatsTrack()
    {
    }

    public StatsTrack(byte[]? data)
    {
        if (data is null || data.Length == 0) return;
        foreach (var pair in Encoding.UTF8.GetString(data).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=');
            if (kv.Length < 2) continue;
            if (kv[1].Length == 0) { _stats[kv[0]] = -1; continue; }
            if (long.TryParse(kv[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                _stats[kv[0]] = value;
        }
    }

    public long Count { get => Get(CountKey); set => _stats[CountKey] = value; }
    public long Bytes { get => Get(BytesKey); set => _stats[BytesKey] = value; }
    public long CountHardLimit => Get(CountHardLimitKey);
    public long ByteHardLimit => Get(ByteHardLimitKey);

    /// <summary>"count=N,bytes=M", then (with other keys) "=" and ";key=value" pairs in key order, as toString.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{CountKey}={Count},{BytesKey}={Bytes}");
        var others = _stats.Keys.Where(k => k != CountKey && k != BytesKey).Order(StringComparer.Ordinal).ToList();
        if (others.Count > 0)
        {
            text.Append('=');
            foreach (var key in others) text.Append(CultureInfo.InvariantCulture, $";{key}={_stats[key]}");
        }
        return text.ToString();
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    private long Get(string key) => _stats.TryGetValue(key, out var value) ? value : -1;
}
