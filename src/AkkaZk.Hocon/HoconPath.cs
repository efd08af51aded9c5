using System.Text;
using AkkaZk.Hocon.Syntax;

namespace AkkaZk.Hocon;

/// <summary>
/// Path expressions: <c>a.b.c</c> splits on unquoted dots only, so <c>properties."zookeeper.foo"</c> is two
/// segments, the second holding dots (ZooKeeper property names are stored this way).
/// </summary>
internal static class HoconPath
{
    public static IReadOnlyList<string> Split(string expression, HoconOrigin? origin = null)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        var text = expression.Trim();
        var pos = 0;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == '"')
            {
                if (!QuotedText.TryRead(text, pos, out var value, out pos, out var error))
                {
                    throw Invalid(expression, error, origin);
                }

                current.Append(value);
                hasContent = true;
            }
            else if (c == '.')
            {
                if (!hasContent)
                {
                    throw Invalid(expression, "empty segment", origin);
                }

                segments.Add(current.ToString());
                current.Clear();
                hasContent = false;
                pos++;
            }
            else
            {
                current.Append(c);
                hasContent = true;
                pos++;
            }
        }

        if (!hasContent)
        {
            throw Invalid(expression, "empty segment", origin);
        }

        segments.Add(current.ToString());
        return segments;
    }

    /// <summary>Writes segments back as a path expression, quoting those an unquoted path could not express.</summary>
    public static string Render(IEnumerable<string> segments) => string.Join('.', segments.Select(RenderSegment));

    private static string RenderSegment(string segment) =>
        segment.Length > 0 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? segment
            : QuotedText.Quote(segment);

    private static HoconException Invalid(string expression, string? why, HoconOrigin? origin) =>
        new($"Invalid path expression '{expression}': {why}", null, origin);
}
