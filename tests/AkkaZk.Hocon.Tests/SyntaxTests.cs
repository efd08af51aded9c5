using AkkaZk.Hocon;

namespace AkkaZk.Hocon.Tests;

public sealed class SyntaxTests
{
    private static Config Parse(string text) => ConfigurationFactory.ParseString(text, "test.conf");

    [Fact]
    public void Nested_objects_with_all_separators()
    {
        var config = Parse("""
            a { b = 1 }
            c : 2
            d = { e: 3 }
            """);

        Assert.Equal(1, config.GetInt("a.b"));
        Assert.Equal(2, config.GetInt("c"));
        Assert.Equal(3, config.GetInt("d.e"));
    }

    [Fact]
    public void Dotted_keys_build_nested_objects()
    {
        var config = Parse("a.b.c = 1\na.b.d = 2");

        Assert.Equal(1, config.GetInt("a.b.c"));
        Assert.Equal(2, config.GetInt("a.b.d"));
        Assert.Equal(["c", "d"], config.GetConfig("a.b").Root.Keys);
    }

    [Fact]
    public void Braced_root_document()
    {
        var config = Parse("{ a = 1, b = 2 }");

        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Fields_separated_by_commas_or_newlines()
    {
        var config = Parse("a = 1, b = 2\nc = 3,\nd = 4");

        Assert.Equal([1, 2, 3, 4], new[] { "a", "b", "c", "d" }.Select(k => config.GetInt(k)));
    }

    [Fact]
    public void Arrays_with_commas_newlines_and_trailing_comma()
    {
        var config = Parse("""
            a = [1, 2, 3]
            b = [
              x
              "y"
              z,
            ]
            c = []
            """);

        Assert.Equal(["1", "2", "3"], config.GetStringList("a"));
        Assert.Equal(["x", "y", "z"], config.GetStringList("b"));
        Assert.Empty(config.GetStringList("c"));
    }

    [Fact]
    public void Comments_are_ignored()
    {
        var config = Parse("""
            # a hash comment
            a = 1 # trailing
            // a slash comment
            b = "not # a comment" // trailing
            c = hello // world
            """);

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal("not # a comment", config.GetString("b"));
        Assert.Equal("hello", config.GetString("c"));
    }

    [Fact]
    public void Quoted_string_escapes()
    {
        var config = Parse("""a = "line\nnext \"q\" back\\slash \u0041 tab\t" """);

        Assert.Equal("line\nnext \"q\" back\\slash A tab\t", config.GetString("a"));
    }

    [Fact]
    public void Triple_quoted_strings_are_raw_and_span_lines()
    {
        var config = Parse("a = \"\"\"first\n  \"quoted\" \\n\nlast\"\"\"\nb = 2");

        Assert.Equal("first\n  \"quoted\" \\n\nlast", config.GetString("a"));
        Assert.Equal("test.conf:4", config.Origin("b"));
    }

    [Fact]
    public void Unquoted_concatenation_keeps_inner_whitespace()
    {
        var config = Parse("a = hello   world  \nb = \"x\" y \"z\"\nc = 10 seconds");

        Assert.Equal("hello   world", config.GetString("a"));
        Assert.Equal("x y z", config.GetString("b"));
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("c"));
    }

    [Fact]
    public void Scalars_are_typed()
    {
        var config = Parse("n = 42\nd = 1.5\nt = true\nq = \"true\"\nz = null\ns = abc");

        Assert.Equal(HoconScalarKind.Number, Scalar(config, "n").Kind);
        Assert.Equal(HoconScalarKind.Number, Scalar(config, "d").Kind);
        Assert.Equal(HoconScalarKind.Boolean, Scalar(config, "t").Kind);
        Assert.Equal(HoconScalarKind.String, Scalar(config, "q").Kind);
        Assert.Equal(HoconScalarKind.String, Scalar(config, "s").Kind);
        Assert.False(config.HasPath("z"));
        Assert.Equal(HoconScalarKind.Null, ((HoconScalar)config.Root.Fields.Single(f => f.Key == "z").Value).Kind);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("on", true)]
    [InlineData("off", false)]
    [InlineData("\"true\"", true)]
    public void Boolean_spellings(string text, bool expected)
    {
        Assert.Equal(expected, Parse($"a = {text}").GetBoolean("a"));
    }

    [Fact]
    public void Quoted_key_with_dots_is_one_key()
    {
        var config = Parse("""
            properties {
              "zookeeper.DigestAuthenticationProvider.superDigest" = "super:x"
            }
            "a.b".c = 1
            """);

        Assert.Equal("super:x", config.GetString("properties.\"zookeeper.DigestAuthenticationProvider.superDigest\""));
        Assert.Equal(["zookeeper.DigestAuthenticationProvider.superDigest"], config.GetConfig("properties").Root.Keys);
        Assert.False(config.HasPath("properties.zookeeper"));
        Assert.Equal(1, config.GetInt("\"a.b\".c"));
    }

    [Fact]
    public void Key_named_include_is_an_ordinary_key()
    {
        Assert.Equal(1, Parse("include = 1").GetInt("include"));
    }

    [Fact]
    public void Numbers_in_all_getters()
    {
        var config = Parse("i = -7\nl = 9000000000\nd = 2.5e3");

        Assert.Equal(-7, config.GetInt("i"));
        Assert.Equal(9_000_000_000L, config.GetLong("l"));
        Assert.Equal(2500d, config.GetDouble("d"));
        Assert.Equal("9000000000", config.GetString("l"));
    }

    [Fact]
    public void Windows_line_endings_and_byte_order_mark()
    {
        var config = Parse("\uFEFFa = hello world\r\nb {\r\n  c = 2\r\n}\r\n");

        Assert.Equal("hello world", config.GetString("a"));
        Assert.Equal(2, config.GetInt("b.c"));
        Assert.Equal("test.conf:3", config.Origin("b.c"));
    }

    private static HoconScalar Scalar(Config config, string path) => Assert.IsType<HoconScalar>(config.GetValue(path));
}
