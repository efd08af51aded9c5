using System.Diagnostics.CodeAnalysis;
using AkkaZk.Hocon.Conversion;
using AkkaZk.Hocon.Resolution;

namespace AkkaZk.Hocon;

/// <summary>
/// A resolved, immutable configuration with Akka.NET-style typed getters. Paths split on unquoted dots only:
/// <c>properties."zookeeper.foo"</c>. Getters without a default throw <see cref="HoconException"/> when the
/// path is missing (or null); with a default they return it.
/// </summary>
public sealed class Config
{
    // The path of this config inside the one it was taken from, so errors from GetConfig("akkazk") name the
    // full key "akkazk.tick-time" rather than "tick-time".
    private readonly string _keyPrefix;

    internal Config(HoconObject root, string keyPrefix = "")
    {
        Root = root;
        _keyPrefix = keyPrefix;
    }

    public HoconObject Root { get; }

    public bool IsEmpty => Root.Count == 0;

    public bool HasPath(string path) => Find(path) is not null;

    /// <summary>The value at <paramref name="path"/>, or null when it is missing or null.</summary>
    public HoconValue? GetValue(string path) => Find(path);

    /// <summary>Where the value was written, as "file:line".</summary>
    public string Origin(string path) => Require(path).Origin.ToString();

    public string GetString(string path) => HoconConvert.ToText(Require(path), Key(path));

    [return: NotNullIfNotNull(nameof(@default))]
    public string? GetString(string path, string? @default) =>
        Find(path) is { } value ? HoconConvert.ToText(value, Key(path)) : @default;

    public int GetInt(string path) => HoconConvert.ToInt(Require(path), Key(path));

    public int GetInt(string path, int @default) => Find(path) is { } value ? HoconConvert.ToInt(value, Key(path)) : @default;

    public long GetLong(string path) => HoconConvert.ToLong(Require(path), Key(path));

    public long GetLong(string path, long @default) => Find(path) is { } value ? HoconConvert.ToLong(value, Key(path)) : @default;

    public bool GetBoolean(string path) => HoconConvert.ToBoolean(Require(path), Key(path));

    public bool GetBoolean(string path, bool @default) => Find(path) is { } value ? HoconConvert.ToBoolean(value, Key(path)) : @default;

    public double GetDouble(string path) => HoconConvert.ToDouble(Require(path), Key(path));

    public double GetDouble(string path, double @default) => Find(path) is { } value ? HoconConvert.ToDouble(value, Key(path)) : @default;

    /// <summary>A duration; a bare number is milliseconds. Throws when missing unless a default is given.</summary>
    public TimeSpan GetTimeSpan(string path, TimeSpan? @default = null) => Find(path) switch
    {
        { } value => HoconConvert.ToTimeSpan(value, Key(path)),
        null when @default is { } fallback => fallback,
        null => throw Missing(path),
    };

    /// <summary>A size in bytes ("64K", "1 MiB", "10MB"); null when missing, as in Akka.NET.</summary>
    public long? GetByteSize(string path) => Find(path) is { } value ? HoconConvert.ToByteSize(value, Key(path)) : null;

    public IList<string> GetStringList(string path) => HoconConvert.ToStringList(Require(path), Key(path));

    public IList<string> GetStringList(string path, IList<string> @default) =>
        Find(path) is { } value ? HoconConvert.ToStringList(value, Key(path)) : @default;

    /// <summary>The object at <paramref name="path"/>; an empty config when missing.</summary>
    public Config GetConfig(string path) => Find(path) switch
    {
        { } value => new Config(HoconConvert.ToObject(value, Key(path)), Key(path)),
        null => new Config(new HoconObject(Root.Origin), Key(path)),
    };

    /// <summary>A list of objects, e.g. the server list; each element's errors name it as <c>key[i]</c>.</summary>
    public IReadOnlyList<Config> GetConfigList(string path)
    {
        var value = Require(path);
        if (value is not HoconArray array)
        {
            throw HoconConvert.Mismatch("a list of objects", value, Key(path));
        }

        return [.. array.Items.Select((item, i) => new Config(HoconConvert.ToObject(item, $"{Key(path)}[{i}]"), $"{Key(path)}[{i}]"))];
    }

    /// <summary>This config, with <paramref name="fallback"/> filling what it lacks; objects merge key by key.</summary>
    public Config WithFallback(Config fallback) => new(HoconFallback.Merge(Root, fallback.Root), _keyPrefix);

    /// <summary>The direct children of the root object.</summary>
    public IEnumerable<KeyValuePair<string, HoconValue>> AsEnumerable() => Root.Fields;

    /// <summary>
    /// An error about the value at <paramref name="path"/>, naming its full key and where it was written;
    /// for validation that the typed getters cannot do (ranges, cross-field rules).
    /// </summary>
    public HoconException ErrorAt(string path, string detail) =>
        Find(path) is { } value ? new HoconException(detail, Key(path), value.Origin) : new HoconException(detail, Key(path), Root.Origin.File);

    public override string ToString() => HoconRenderer.Render(Root);

    private string Key(string path) => _keyPrefix.Length == 0 ? path : $"{_keyPrefix}.{path}";

    private HoconValue Require(string path) => Find(path) ?? throw Missing(path);

    private HoconException Missing(string path) => HoconException.Missing(Key(path), Root.Origin.File);

    private HoconValue? Find(string path)
    {
        HoconValue current = Root;
        foreach (var segment in HoconPath.Split(path))
        {
            if (current is not HoconObject parent || !parent.TryGetValue(segment, out var child))
            {
                return null;
            }

            current = child;
        }

        return current is HoconScalar { IsNull: true } ? null : current;
    }
}
