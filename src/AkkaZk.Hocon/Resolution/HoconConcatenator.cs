using System.Text;
using AkkaZk.Hocon.Unresolved;

namespace AkkaZk.Hocon.Resolution;

/// <summary>
/// Joins the resolved parts of a concatenation: lists append, objects merge (later wins), scalars join as text
/// with the whitespace written between them. Mixing kinds is an error, as in the HOCON spec.
/// </summary>
internal static class HoconConcatenator
{
    public static HoconValue? Join(IReadOnlyList<HoconValue> parts, HoconOrigin origin)
    {
        var values = parts.Where(p => p is not HoconWhitespace).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        if (values.All(v => v is HoconArray))
        {
            return new HoconArray(values.SelectMany(v => ((HoconArray)v).Items), origin) { IsResolved = true };
        }

        if (values.All(v => v is HoconObject))
        {
            return values.Cast<HoconObject>().Aggregate((earlier, later) => HoconFallback.Merge(later, earlier));
        }

        if (values.FirstOrDefault(v => v is not HoconScalar) is { } misfit)
        {
            // Named where the concatenation is written: that is the line to fix, not where a substituted list lives.
            throw new HoconException($"Cannot concatenate {misfit.Describe()} with a string", null, origin);
        }

        return JoinText(parts, values, origin);
    }

    private static HoconValue JoinText(IReadOnlyList<HoconValue> parts, List<HoconValue> values, HoconOrigin origin)
    {
        // Whitespace next to an undefined ${?x} would otherwise be left dangling at either end.
        var all = parts.ToList();
        var first = all.FindIndex(p => p is not HoconWhitespace);
        var last = all.FindLastIndex(p => p is not HoconWhitespace);
        if (first == last)
        {
            return values[0];
        }

        var text = new StringBuilder();
        for (var i = first; i <= last; i++)
        {
            text.Append(parts[i] is HoconScalar scalar ? scalar.Text : ((HoconWhitespace)parts[i]).Text);
        }

        return new HoconScalar(text.ToString(), HoconScalarKind.String, origin);
    }
}
