using System.Globalization;
using System.Text;

namespace AkkaZk.Hocon.Syntax;

/// <summary>JSON-style quoted strings: shared by the lexer and by path expressions.</summary>
internal static class QuotedText
{
    /// <summary>Reads a one-line quoted string starting at <paramref name="start"/> (the opening quote).</summary>
    public static bool TryRead(string text, int start, out string value, out int end, out string? error)
    {
        var builder = new StringBuilder();
        var pos = start + 1;
        while (pos < text.Length && text[pos] != '\n')
        {
            var c = text[pos];
            if (c == '"')
            {
                value = builder.ToString();
                end = pos + 1;
                error = null;
                return true;
            }

            if (c != '\\')
            {
                builder.Append(c);
                pos++;
                continue;
            }

            if (!TryUnescape(text, pos, builder, out pos, out error))
            {
                value = "";
                end = pos;
                return false;
            }
        }

        value = "";
        end = pos;
        error = "Unterminated string";
        return false;
    }

    public static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private static bool TryUnescape(string text, int backslash, StringBuilder builder, out int next, out string? error)
    {
        error = null;
        next = backslash + 2;
        if (backslash + 1 >= text.Length)
        {
            error = "Unterminated string";
            return false;
        }

        var escaped = text[backslash + 1];
        switch (escaped)
        {
            case '"' or '\\' or '/':
                builder.Append(escaped);
                return true;
            case 'b':
                builder.Append('\b');
                return true;
            case 'f':
                builder.Append('\f');
                return true;
            case 'n':
                builder.Append('\n');
                return true;
            case 'r':
                builder.Append('\r');
                return true;
            case 't':
                builder.Append('\t');
                return true;
            case 'u' when backslash + 6 <= text.Length
                && int.TryParse(text.AsSpan(backslash + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                builder.Append((char)code);
                next = backslash + 6;
                return true;
            case 'u':
                error = "Invalid \\u escape: expected four hex digits";
                return false;
            default:
                error = $"Invalid escape '\\{escaped}' in a quoted string";
                return false;
        }
    }
}
