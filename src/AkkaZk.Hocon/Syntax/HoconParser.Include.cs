namespace AkkaZk.Hocon.Syntax;

internal sealed partial class HoconParser
{
    private static readonly Dictionary<string, HoconIncludeKind> _includeKinds = new(StringComparer.Ordinal)
    {
        ["file"] = HoconIncludeKind.File,
        ["classpath"] = HoconIncludeKind.Classpath,
        ["url"] = HoconIncludeKind.Url,
    };

    // "include" is only a keyword when followed by what can be included; "include = 1" is an ordinary key.
    private bool IsInclude()
    {
        if (_tokens.Current is not { Kind: HoconTokenKind.Unquoted, Text: "include" }
            || _tokens.Peek(1).Kind != HoconTokenKind.Whitespace)
        {
            return false;
        }

        var target = _tokens.Peek(2);
        return target.Kind == HoconTokenKind.Quoted || (target.Kind == HoconTokenKind.Unquoted && target.Text.EndsWith('('));
    }

    /// <summary>
    /// <c>include "x"</c>, <c>include required("x")</c>, <c>include file("x")</c>, <c>include required(file("x"))</c>.
    /// The included fields merge into <paramref name="target"/> as if written in its place.
    /// </summary>
    private string ParseInclude(HoconObject target)
    {
        var origin = _tokens.Origin;
        _tokens.Advance();
        _tokens.SkipWhitespace();
        var required = false;
        var kind = HoconIncludeKind.Default;
        var open = 0;
        while (_tokens.Current is { Kind: HoconTokenKind.Unquoted } wrapper && wrapper.Text.EndsWith('('))
        {
            _tokens.Advance();
            foreach (var name in wrapper.Text.Split('(', StringSplitOptions.RemoveEmptyEntries))
            {
                if (name == "required")
                {
                    required = true;
                }
                else if (!_includeKinds.TryGetValue(name, out kind))
                {
                    throw new HoconException($"Unknown include form '{name}(...)'", null, origin);
                }
            }

            open += wrapper.Text.Count(c => c == '(');
        }

        if (!_tokens.Is(HoconTokenKind.Quoted))
        {
            throw _tokens.Error($"Expected a quoted file name after include but got {_tokens.Current.Describe()}");
        }

        var fileName = _tokens.Advance().Text;
        if (open > 0)
        {
            var closing = _tokens.Current;
            if (closing.Kind != HoconTokenKind.Unquoted || closing.Text != new string(')', open))
            {
                throw _tokens.Error($"Expected '{new string(')', open)}' to close the include but got {closing.Describe()}");
            }

            _tokens.Advance();
        }

        var included = _includer.Include(fileName, kind, required, origin);
        foreach (var (key, value) in included?.Fields ?? [])
        {
            target.SetField(key, HoconTreeMerge.Merge(value, target.GetField(key)));
        }

        return $"include \"{fileName}\"";
    }
}
