using System.Globalization;
using System.Text;
using AkkaZk.Hocon;

namespace AkkaZk.Server.Configuration;

/// <summary>
/// The subset of java.util.Properties syntax that zoo.cfg uses: <c>key=value</c> (or <c>key: value</c>,
/// <c>key value</c>), <c>#</c>/<c>!</c> comments, trimmed whitespace, a trailing <c>\</c> continuing the line,
/// and backslash escapes (<c>\\</c>, <c>\t</c>, <c>\uXXXX</c>) so Windows paths can be written.
/// </summary>
internal static class JavaPropertiesReader
{
    public static IEnumerable<PropertyLine> Read(string text, string file)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var startLine = i + 1;
            var logical = lines[i].TrimStart();
            if (logical.Length == 0 || logical[0] is '#' or '!')
            {
                continue;
            }

            while (EndsWithContinuation(logical) && i + 1 < lines.Length)
            {
                logical = logical[..^1] + lines[++i].TrimStart();
            }

            yield return Split(logical, file, startLine);
        }
    }

    private static bool EndsWithContinuation(string line)
    {
        var backslashes = line.Length - line.TrimEnd('\\').Length;
        return backslashes % 2 == 1;
    }

    // The key ends at the first unescaped '=', ':' or whitespace; one '=' or ':' may follow the whitespace.
    private static PropertyLine Split(string line, string file, int lineNumber)
    {
        var end = 0;
        while (end < line.Length && line[end] is not ('=' or ':') && !char.IsWhiteSpace(line[end]))
        {
            end += line[end] == '\\' ? 2 : 1;
        }

        end = Math.Min(end, line.Length);
        var key = Unescape(line[..end], file, lineNumber);
        var rest = line[end..].TrimStart();
        var hasSeparator = rest.Length > 0 && rest[0] is '=' or ':';
        if (key.Length == 0 || (!hasSeparator && rest.Length == 0))
        {
            throw new HoconException($"expected key=value but got \"{line.Trim()}\"", null, file, lineNumber);
        }

        var value = hasSeparator ? rest[1..].TrimStart() : rest;
        return new PropertyLine(key, Unescape(value, file, lineNumber).TrimEnd(), lineNumber);
    }

    private static string Unescape(string text, string file, int line)
    {
        if (!text.Contains('\\'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                builder.Append(text[i]);
                continue;
            }

            var escaped = text[++i];
            switch (escaped)
            {
                case 't': builder.Append('\t'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 'f': builder.Append('\f'); break;
                case 'u' when i + 4 < text.Length
                    && int.TryParse(text.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                case 'u':
                    throw new HoconException("malformed \\uXXXX escape", null, file, line);
                default:
                    builder.Append(escaped);
                    break;
            }
        }

        return builder.ToString();
    }
}
