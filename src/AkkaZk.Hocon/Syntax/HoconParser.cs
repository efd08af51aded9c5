using System.Text;
using AkkaZk.Hocon.Unresolved;

namespace AkkaZk.Hocon.Syntax;

/// <summary>
/// Recursive descent over the tokens into an unresolved tree. Duplicate keys are merged as they are read
/// (<see cref="HoconTreeMerge"/>); substitutions are left for <see cref="Resolution.HoconResolver"/>,
/// because HOCON resolves them against the whole document, including fields written later.
/// </summary>
internal sealed partial class HoconParser
{
    private readonly TokenCursor _tokens;
    private readonly HoconIncluder _includer;

    private HoconParser(TokenCursor tokens, HoconIncluder includer)
    {
        _tokens = tokens;
        _includer = includer;
    }

    public static HoconObject Parse(string text, string? file, HoconIncluder includer)
    {
        var parser = new HoconParser(new TokenCursor(HoconLexer.Tokenize(text, file), file), includer);
        return parser.ParseDocument();
    }

    private HoconObject ParseDocument()
    {
        var root = new HoconObject(new HoconOrigin(_tokens.File, 1));
        _tokens.SkipBlankLines();
        if (_tokens.Is(HoconTokenKind.OpenBracket))
        {
            throw _tokens.Error("A configuration document must be an object, not a list");
        }

        if (_tokens.Is(HoconTokenKind.OpenBrace))
        {
            var open = _tokens.Advance();
            ParseFields(root, [], open);
            _tokens.SkipBlankLines();
            if (!_tokens.Is(HoconTokenKind.End))
            {
                throw _tokens.Error($"Unexpected {_tokens.Current.Describe()} after the closing '}}' of the document");
            }
        }
        else
        {
            ParseFields(root, [], open: null);
        }

        return root;
    }

    /// <param name="prefix">The path of <paramref name="target"/> from the root; <c>+=</c> refers to it.</param>
    /// <param name="open">The '{' that opened the object, or null for a document without braces.</param>
    private void ParseFields(HoconObject target, IReadOnlyList<string> prefix, HoconToken? open)
    {
        while (true)
        {
            _tokens.SkipBlankLines();
            switch (_tokens.Current.Kind)
            {
                case HoconTokenKind.CloseBrace when open is not null:
                    _tokens.Advance();
                    return;
                case HoconTokenKind.End when open is null:
                    return;
                case HoconTokenKind.End:
                    throw new HoconException("Missing '}': the object opened here is never closed", null, _tokens.File, open.Value.Line);
                case HoconTokenKind.CloseBrace or HoconTokenKind.Comma:
                    throw _tokens.Error($"Unexpected {_tokens.Current.Describe()}, expected a key");
            }

            var key = IsInclude() ? ParseInclude(target) : ParseField(target, prefix);
            _tokens.SkipWhitespace();
            switch (_tokens.Current.Kind)
            {
                case HoconTokenKind.Comma:
                    _tokens.Advance();
                    break;
                case HoconTokenKind.Newline or HoconTokenKind.CloseBrace or HoconTokenKind.End:
                    break;
                default:
                    throw _tokens.Error($"Expected ',' or a newline after the value but got {_tokens.Current.Describe()}", key);
            }
        }
    }

    private string ParseField(HoconObject target, IReadOnlyList<string> prefix)
    {
        var keyOrigin = _tokens.Origin;
        var path = ParseKey();
        string[] fullPath = [.. prefix, .. path];
        var key = HoconPath.Render(fullPath);
        _tokens.SkipWhitespace();
        var append = false;
        switch (_tokens.Current.Kind)
        {
            case HoconTokenKind.Separator:
                _tokens.Advance();
                _tokens.SkipWhitespace();
                break;
            case HoconTokenKind.PlusEquals:
                append = true;
                _tokens.Advance();
                _tokens.SkipWhitespace();
                break;
            case HoconTokenKind.OpenBrace:
                break;
            default:
                throw _tokens.Error($"Expected '=', ':' or '{{' after the key but got {_tokens.Current.Describe()}", key);
        }

        var value = ParseValue(fullPath, key) ?? throw _tokens.Error($"Expected a value but got {_tokens.Current.Describe()}", key);
        if (append)
        {
            // a += x is sugar for a = ${?a} [x] (HOCON spec).
            value = new HoconConcatenation([new HoconSubstitution(fullPath, true, value.Origin), new HoconArray([value], value.Origin)], value.Origin);
        }

        if (NeedsResolution(value))
        {
            value = new HoconMerge(value, null);
        }

        HoconTreeMerge.Set(target, path, value, keyOrigin);
        return key;
    }

    // Unquoted dots split the key into segments; quoted text never does, so "a.b".c has two segments.
    private List<string> ParseKey()
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        var pendingWhitespace = "";
        while (_tokens.Current.Kind is HoconTokenKind.Unquoted or HoconTokenKind.Quoted or HoconTokenKind.Whitespace)
        {
            var token = _tokens.Advance();
            if (token.Kind == HoconTokenKind.Whitespace)
            {
                pendingWhitespace = token.Text;
                continue;
            }

            current.Append(hasContent ? pendingWhitespace : "");
            pendingWhitespace = "";
            if (token.Kind == HoconTokenKind.Quoted)
            {
                current.Append(token.Text);
                hasContent = true;
                continue;
            }

            foreach (var c in token.Text)
            {
                if (c != '.')
                {
                    current.Append(c);
                    hasContent = true;
                    continue;
                }

                if (!hasContent)
                {
                    throw _tokens.Error($"Invalid key: empty segment before '.' in '{token.Text}'");
                }

                segments.Add(current.ToString());
                current.Clear();
                hasContent = false;
            }
        }

        if (!hasContent)
        {
            throw _tokens.Error(segments.Count == 0 ? $"Expected a key but got {_tokens.Current.Describe()}" : "Invalid key: it ends with '.'");
        }

        segments.Add(current.ToString());
        return segments;
    }

    private static bool NeedsResolution(HoconValue value) => value switch
    {
        HoconSubstitution or HoconConcatenation => true,
        HoconArray array => array.Items.Any(NeedsResolution),
        _ => false,
    };
}
