namespace AkkaZk.Hocon;

/// <summary>
/// An object: fields in the order they were first written. Read-only to users; the parser and the builders
/// inside this assembly fill it in before it is resolved and handed out.
/// </summary>
public sealed class HoconObject : HoconValue
{
    private readonly OrderedDictionary<string, HoconValue> _fields = new(StringComparer.Ordinal);

    public HoconObject(HoconOrigin origin, IEnumerable<KeyValuePair<string, HoconValue>>? fields = null)
        : base(origin)
    {
        foreach (var (key, value) in fields ?? [])
        {
            _fields[key] = value;
        }
    }

    public int Count => _fields.Count;

    public IEnumerable<string> Keys => _fields.Keys;

    public IEnumerable<KeyValuePair<string, HoconValue>> Fields => _fields;

    /// <summary>Set by the resolver so resolving an already resolved tree is a no-op.</summary>
    internal bool IsResolved { get; init; }

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out HoconValue value)
        => _fields.TryGetValue(key, out value);

    internal HoconValue? GetField(string key) => _fields.GetValueOrDefault(key);

    internal void SetField(string key, HoconValue value) => _fields[key] = value;

    internal override string Describe() => "an object";
}
