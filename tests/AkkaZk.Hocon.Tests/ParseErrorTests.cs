using AkkaZk.Hocon;

namespace AkkaZk.Hocon.Tests;

public sealed class ParseErrorTests
{
    private static HoconException Fail(string text) =>
        Assert.Throws<HoconException>(() => ConfigurationFactory.ParseString(text, "node1.conf"));

    [Fact]
    public void Unterminated_string()
    {
        var error = Fail("a = 1\nb = 2\nc = \"open\nd = 4");

        Assert.Equal("Unterminated string (node1.conf:3)", error.Message);
        Assert.Equal(("node1.conf", 3, (string?)null), (error.File, error.Line, error.Key));
    }

    [Fact]
    public void Unterminated_triple_quoted_string_reports_its_start()
    {
        Assert.Equal("Unterminated string (node1.conf:2)", Fail("a = 1\nb = \"\"\"never\nclosed").Message);
    }

    [Fact]
    public void Missing_closing_brace_reports_where_the_object_opened()
    {
        var error = Fail("a = 1\nakkazk {\n  x = 1\n  y {\n  }\n");

        Assert.Equal("Missing '}': the object opened here is never closed (node1.conf:2)", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Missing_closing_bracket()
    {
        var error = Fail("a = 1\nlist = [1,\n 2\n");

        Assert.Equal("list: Missing ']': the list opened here is never closed (node1.conf:2)", error.Message);
    }

    [Fact]
    public void Stray_closing_brace()
    {
        Assert.Equal(2, Fail("a = 1\n}").Line);
    }

    [Fact]
    public void Key_without_value()
    {
        var error = Fail("a = 1\nb =\nc = 2");

        Assert.Equal("b: Expected a value but got a newline (node1.conf:2)", error.Message);
    }

    [Fact]
    public void Key_without_separator()
    {
        var error = Fail("\n\nclient-port 2181");

        Assert.Equal(3, error.Line);
        Assert.Contains("Expected '=', ':' or '{'", error.Message);
    }

    [Fact]
    public void Colon_in_unquoted_value()
    {
        var error = Fail("a = 1\nhost = localhost:2181");

        Assert.Equal(("host", 2), (error.Key, error.Line));
    }

    [Fact]
    public void Two_values_without_separator_on_one_line()
    {
        Assert.Equal(1, Fail("a = { x = 1 } b = 2").Line);
    }

    [Fact]
    public void Invalid_escape()
    {
        var error = Fail("a = 1\nb = \"bad \\q escape\"");

        Assert.Equal("Invalid escape '\\q' in a quoted string (node1.conf:2)", error.Message);
    }

    [Fact]
    public void Bare_dollar_and_unterminated_substitution()
    {
        Assert.Equal(2, Fail("a = 1\nb = $x").Line);
        Assert.Equal(3, Fail("a = 1\n\nb = ${x").Line);
    }

    [Fact]
    public void Empty_key_segment()
    {
        Assert.Equal(2, Fail("a = 1\na..b = 2").Line);
    }

    [Fact]
    public void Root_list_is_rejected()
    {
        Assert.Contains("must be an object", Fail("[1, 2]").Message);
    }

    [Fact]
    public void Error_without_origin_name_uses_line_only()
    {
        var error = Assert.Throws<HoconException>(() => ConfigurationFactory.ParseString("a = \"x"));

        Assert.Equal("Unterminated string (line 1)", error.Message);
    }
}
