using System.Text;
using AkkaZk.Hocon.Unresolved;

namespace AkkaZk.Hocon.Syntax;

internal sealed partial class HoconParser
{
    /// <summary>
    /// Reads a value up to the end of the line, a comma or a closing bracket. Several tokens side by side form a
    /// concatenation (<c>a = hello world</c>); whitespace between them is kept, whitespace around them is not.
    /// Returns null when there is no value at all.
    /// </summary>
    private HoconValue? ParseValue(IReadOnlyList<string> path, string key)
    {
        var parts = new List<HoconValue>();
        while (true)
        {
            var origin = _tokens.Origin;
            var token = _tokens.Current;
            switch (token.Kind)
            {
                case HoconTokenKind.Whitespace:
                    parts.Add(new HoconWhitespace(_tokens.Advance().Text, origin));
                    break;
                case HoconTokenKind.Quoted:
                    parts.Add(new HoconScalar(_tokens.Advance().Text, HoconScalarKind.String, origin));
                    break;
                case HoconTokenKind.Unquoted:
                    parts.Add(HoconScalar.FromUnquoted(_tokens.Advance().Text, origin));
                    break;
                case HoconTokenKind.Substitution:
                    _tokens.Advance();
                    parts.Add(new HoconSubstitution(HoconPath.Split(token.Text, origin), token.IsOptional, origin));
                    break;
                case HoconTokenKind.OpenBrace:
                    var objectValue = new HoconObject(origin);
                    ParseFields(objectValue, path, _tokens.Advance());
                    parts.Add(objectValue);
                    break;
                case HoconTokenKind.OpenBracket:
                    parts.Add(ParseArray(path, key));
                    break;
                case HoconTokenKind.Separator or HoconTokenKind.PlusEquals:
                    throw _tokens.Error($"Unexpected '{token.Text}' in a value (quote the value if it contains '{token.Text}')", key);
                default:
                    return Combine(Trim(parts));
            }
        }
    }

    private HoconArray ParseArray(IReadOnlyList<string> path, string key)
    {
        var open = _tokens.Advance();
        var origin = new HoconOrigin(_tokens.File, open.Line);
        var items = new List<HoconValue>();
        while (true)
        {
            _tokens.SkipBlankLines();
            switch (_tokens.Current.Kind)
            {
                case HoconTokenKind.CloseBracket:
                    _tokens.Advance();
                    return new HoconArray(items, origin);
                case HoconTokenKind.End:
                    throw new HoconException("Missing ']': the list opened here is never closed", key, origin);
            }

            items.Add(ParseValue(path, key) ?? throw _tokens.Error($"Unexpected {_tokens.Current.Describe()} in a list", key));
            _tokens.SkipWhitespace();
            switch (_tokens.Current.Kind)
            {
                case HoconTokenKind.Comma:
                    _tokens.Advance();
                    break;
                case HoconTokenKind.Newline or HoconTokenKind.CloseBracket:
                    break;
                case HoconTokenKind.End:
                    throw new HoconException("Missing ']': the list opened here is never closed", key, origin);
                default:
                    throw _tokens.Error($"Expected ',' or ']' in a list but got {_tokens.Current.Describe()}", key);
            }
        }
    }

    private static List<HoconValue> Trim(List<HoconValue> parts)
    {
        var start = parts.FindIndex(p => p is not HoconWhitespace);
        var end = parts.FindLastIndex(p => p is not HoconWhitespace);
        return start < 0 ? [] : parts[start..(end + 1)];
    }

    // Strings side by side are joined now; anything involving a substitution, list or object waits for resolution.
    private static HoconValue? Combine(List<HoconValue> parts)
    {
        if (parts.Count <= 1)
        {
            return parts.FirstOrDefault();
        }

        if (!parts.All(p => p is HoconScalar or HoconWhitespace))
        {
            return new HoconConcatenation(parts, parts[0].Origin);
        }

        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part is HoconScalar scalar ? scalar.Text : ((HoconWhitespace)part).Text);
        }

        return new HoconScalar(text.ToString(), HoconScalarKind.String, parts[0].Origin);
    }
}
