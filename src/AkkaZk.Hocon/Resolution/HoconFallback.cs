namespace AkkaZk.Hocon.Resolution;

/// <summary>Deep merge of two resolved objects: the primary wins, objects present in both merge key by key.</summary>
internal static class HoconFallback
{
    public static HoconObject Merge(HoconObject primary, HoconObject fallback)
    {
        var result = new HoconObject(primary.Origin) { IsResolved = true };
        foreach (var (key, value) in primary.Fields)
        {
            result.SetField(key, value is HoconObject inner && fallback.GetField(key) is HoconObject innerFallback
                ? Merge(inner, innerFallback)
                : value);
        }

        foreach (var (key, value) in fallback.Fields)
        {
            if (primary.GetField(key) is null)
            {
                result.SetField(key, value);
            }
        }

        return result;
    }
}
