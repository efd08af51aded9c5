namespace AkkaZk.Hocon.Syntax;

/// <param name="IsOptional">For substitutions: written <c>${?path}</c>.</param>
internal readonly record struct HoconToken(HoconTokenKind Kind, string Text, int Line, bool IsOptional = false)
{
    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        HoconTokenKind.Newline => "a newline",
        HoconTokenKind.End => "end of input",
        HoconTokenKind.Quoted => QuotedText.Quote(Text),
        HoconTokenKind.Substitution => $"${{{Text}}}",
        _ => $"'{Text}'",
    };
}
