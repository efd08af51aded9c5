namespace AkkaZk.Hocon.Syntax;

/// <summary>
/// Splits HOCON text into tokens, dropping comments but keeping whitespace and newlines: whitespace matters
/// inside value concatenations and newlines separate fields.
/// </summary>
internal sealed class HoconLexer
{
    // Characters that end an unquoted string. HOCON reserves a few more (*, ?, @...); they are accepted in
    // unquoted text here because rejecting them helps no one reading a ZooKeeper config.
    private const string Delimiters = "$\"{}[]:=,#\n";

    private readonly string _text;
    private readonly string? _file;
    private readonly List<HoconToken> _tokens = [];
    private int _pos;
    private int _line = 1;

    private HoconLexer(string text, string? file)
    {
        _text = text;
        _file = file;
    }

    public static List<HoconToken> Tokenize(string text, string? file) => new HoconLexer(text, file).Run();

    private List<HoconToken> Run()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            switch (c)
            {
                case '\n':
                    Emit(HoconTokenKind.Newline, "\n", 1);
                    _line++;
                    break;
                case '#':
                case '/' when Peek(1) == '/':
                    SkipComment();
                    break;
                case ',':
                    Emit(HoconTokenKind.Comma, ",", 1);
                    break;
                case '=' or ':':
                    Emit(HoconTokenKind.Separator, c.ToString(), 1);
                    break;
                case '+' when Peek(1) == '=':
                    Emit(HoconTokenKind.PlusEquals, "+=", 2);
                    break;
                case '{':
                    Emit(HoconTokenKind.OpenBrace, "{", 1);
                    break;
                case '}':
                    Emit(HoconTokenKind.CloseBrace, "}", 1);
                    break;
                case '[':
                    Emit(HoconTokenKind.OpenBracket, "[", 1);
                    break;
                case ']':
                    Emit(HoconTokenKind.CloseBracket, "]", 1);
                    break;
                case '"':
                    ReadQuoted();
                    break;
                case '$' when Peek(1) == '{':
                    ReadSubstitution();
                    break;
                case '$':
                    throw Error("'$' must start a substitution such as ${path}");
                default:
                    if (IsWhitespace(c))
                    {
                        ReadWhitespace();
                    }
                    else
                    {
                        ReadUnquoted();
                    }

                    break;
            }
        }

        _tokens.Add(new HoconToken(HoconTokenKind.End, "", _line));
        return _tokens;
    }

    private static bool IsWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private void Emit(HoconTokenKind kind, string text, int length, bool isOptional = false)
    {
        _tokens.Add(new HoconToken(kind, text, _line, isOptional));
        _pos += length;
    }

    private void SkipComment()
    {
        while (_pos < _text.Length && _text[_pos] != '\n')
        {
            _pos++;
        }
    }

    private void ReadWhitespace()
    {
        var start = _pos;
        while (_pos < _text.Length && IsWhitespace(_text[_pos]))
        {
            _pos++;
        }

        _tokens.Add(new HoconToken(HoconTokenKind.Whitespace, _text[start.._pos], _line));
    }

    private void ReadUnquoted()
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (Delimiters.Contains(c) || IsWhitespace(c) || (c == '/' && Peek(1) == '/') || (c == '+' && Peek(1) == '='))
            {
                break;
            }

            _pos++;
        }

        _tokens.Add(new HoconToken(HoconTokenKind.Unquoted, _text[start.._pos], _line));
    }

    private void ReadQuoted()
    {
        if (string.CompareOrdinal(_text, _pos, "\"\"\"", 0, 3) == 0)
        {
            ReadTripleQuoted();
            return;
        }

        if (!QuotedText.TryRead(_text, _pos, out var value, out var end, out var error))
        {
            throw Error(error ?? "Unterminated string");
        }

        _tokens.Add(new HoconToken(HoconTokenKind.Quoted, value, _line));
        _pos = end;
    }

    // """raw""" strings may span lines and take no escapes; extra quotes before the closing three belong to
    // the string (HOCON spec), so """a"""" is a".
    private void ReadTripleQuoted()
    {
        var close = _text.IndexOf("\"\"\"", _pos + 3, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Error("Unterminated string");
        }

        while (close + 3 < _text.Length && _text[close + 3] == '"')
        {
            close++;
        }

        var value = _text[(_pos + 3)..close];
        _tokens.Add(new HoconToken(HoconTokenKind.Quoted, value, _line));
        _line += value.Count(c => c == '\n');
        _pos = close + 3;
    }

    private void ReadSubstitution()
    {
        var start = _pos + 2;
        var optional = start < _text.Length && _text[start] == '?';
        var pos = optional ? start + 1 : start;
        var inQuotes = false;
        while (pos < _text.Length && _text[pos] != '\n' && (inQuotes || _text[pos] != '}'))
        {
            if (_text[pos] == '\\' && inQuotes)
            {
                pos++;
            }
            else if (_text[pos] == '"')
            {
                inQuotes = !inQuotes;
            }

            pos++;
        }

        if (pos >= _text.Length || _text[pos] != '}')
        {
            throw Error("Unterminated substitution: expected '}'");
        }

        var path = _text[(optional ? start + 1 : start)..pos].Trim();
        if (path.Length == 0)
        {
            throw Error("Empty substitution ${}");
        }

        _tokens.Add(new HoconToken(HoconTokenKind.Substitution, path, _line, optional));
        _pos = pos + 1;
    }

    private HoconException Error(string detail) => new(detail, null, _file, _line);
}
