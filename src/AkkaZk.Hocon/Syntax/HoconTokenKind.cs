namespace AkkaZk.Hocon.Syntax;

internal enum HoconTokenKind
{
    Whitespace,
    Newline,
    Comma,

    /// <summary><c>=</c> or <c>:</c>.</summary>
    Separator,
    PlusEquals,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Quoted,
    Unquoted,

    /// <summary><c>${path}</c>; the token text is the path expression.</summary>
    Substitution,
    End,
}
