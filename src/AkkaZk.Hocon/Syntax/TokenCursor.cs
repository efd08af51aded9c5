namespace AkkaZk.Hocon.Syntax;

/// <summary>A position in a token list, with the file name every error needs.</summary>
internal sealed class TokenCursor(List<HoconToken> tokens, string? file)
{
    private int _index;

    public string? File { get; } = file;

    public HoconToken Current => tokens[_index];

    public HoconToken Peek(int offset) => tokens[Math.Min(_index + offset, tokens.Count - 1)];

    public HoconOrigin Origin => new(File, Current.Line);

    public HoconToken Advance()
    {
        var token = Current;
        if (token.Kind != HoconTokenKind.End)
        {
            _index++;
        }

        return token;
    }

    public bool Is(HoconTokenKind kind) => Current.Kind == kind;

    public void SkipWhitespace()
    {
        while (Is(HoconTokenKind.Whitespace))
        {
            _index++;
        }
    }

    public void SkipBlankLines()
    {
        while (Is(HoconTokenKind.Whitespace) || Is(HoconTokenKind.Newline))
        {
            _index++;
        }
    }

    public HoconException Error(string detail, string? key = null) => new(detail, key, File, Current.Line);
}
