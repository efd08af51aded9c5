using AkkaZk.Hocon;

namespace AkkaZk.Hocon.Tests;

public sealed class SubstitutionTests
{
    private static Config Parse(string text) => ConfigurationFactory.ParseString(text, "test.conf");

    [Fact]
    public void Path_substitution_resolves_against_root_even_when_defined_later()
    {
        var config = Parse("a { b = ${c.d} }\nc.d = 42\ne = ${a}");

        Assert.Equal(42, config.GetInt("a.b"));
        Assert.Equal(42, config.GetInt("e.b"));
    }

    [Fact]
    public void Substitution_keeps_the_type_and_origin_of_the_target()
    {
        var config = Parse("x = [1, 2]\ny = ${x}\nz = 7\nw = ${z}");

        Assert.Equal(["1", "2"], config.GetStringList("y"));
        Assert.Equal(HoconScalarKind.Number, Assert.IsType<HoconScalar>(config.GetValue("w")).Kind);
        Assert.Equal("test.conf:3", config.Origin("w"));
    }

    [Fact]
    public void Substitution_inside_string_concatenation()
    {
        var config = Parse("host = localhost\nport = 2181\naddress = ${host}\":\"${port}\nurl = http ${host} x");

        Assert.Equal("localhost:2181", config.GetString("address"));
        Assert.Equal("http localhost x", config.GetString("url"));
    }

    [Fact]
    public void Substitution_of_quoted_key_path()
    {
        var config = Parse("p { \"zookeeper.x\" = 5 }\ny = ${p.\"zookeeper.x\"}");

        Assert.Equal(5, config.GetInt("y"));
    }

    [Fact]
    public void Missing_optional_leaves_field_unset()
    {
        var config = Parse("a = ${?AKKAZK_TEST_SURELY_UNSET_VARIABLE}\nb = 1");

        Assert.False(config.HasPath("a"));
        Assert.Equal(["b"], config.Root.Keys);
    }

    [Fact]
    public void Missing_optional_keeps_the_earlier_value()
    {
        var config = Parse("port = 2181\nport = ${?AKKAZK_TEST_SURELY_UNSET_VARIABLE}");

        Assert.Equal(2181, config.GetInt("port"));
    }

    [Fact]
    public void Environment_variables_fill_absent_paths()
    {
        // A name no other test or process uses, so setting it is deterministic.
        const string name = "AKKAZK_HOCON_TEST_ENV_3F1C";
        Environment.SetEnvironmentVariable(name, "2182");
        try
        {
            var config = Parse($"port = 2181\nport = ${{?{name}}}\nrequired = ${{{name}}}");

            Assert.Equal(2182, config.GetInt("port"));
            Assert.Equal("2182", config.GetString("required"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Config_path_wins_over_environment_variable()
    {
        const string name = "AKKAZK_HOCON_TEST_ENV_7A2D";
        Environment.SetEnvironmentVariable(name, "from-env");
        try
        {
            Assert.Equal("from-config", Parse($"{name} = from-config\na = ${{{name}}}").GetString("a"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Missing_required_substitution_names_file_and_line()
    {
        var error = Assert.Throws<HoconException>(() => Parse("a = 1\nb = ${nope.nothing}"));

        Assert.Equal(("test.conf", 2), (error.File, error.Line));
        Assert.Contains("${nope.nothing}", error.Message);
        Assert.EndsWith("(test.conf:2)", error.Message);
    }

    [Fact]
    public void Self_reference_appends_to_previous_value()
    {
        var config = Parse("a = [1]\na = ${a} [2]\npath = base\npath = ${path}\"/sub\"");

        Assert.Equal(["1", "2"], config.GetStringList("a"));
        Assert.Equal("base/sub", config.GetString("path"));
    }

    [Fact]
    public void Plus_equals_appends_or_starts_a_list()
    {
        var config = Parse("a = [x]\na += y\nb += z");

        Assert.Equal(["x", "y"], config.GetStringList("a"));
        Assert.Equal(["z"], config.GetStringList("b"));
    }

    [Fact]
    public void Object_written_after_substitution_merges_over_it()
    {
        var config = Parse("base { x = 1, y = 2 }\nnode = ${base}\nnode { y = 3 }\nnode.z = 4");

        Assert.Equal((1, 3, 4), (config.GetInt("node.x"), config.GetInt("node.y"), config.GetInt("node.z")));
    }

    [Fact]
    public void Substituted_object_merges_over_earlier_object()
    {
        var config = Parse("a { x = 1, y = 1 }\nb { y = 2 }\na = ${b}");

        Assert.Equal((1, 2), (config.GetInt("a.x"), config.GetInt("a.y")));
    }

    [Fact]
    public void Object_concatenation_merges()
    {
        var config = Parse("defaults { x = 1, y = 1 }\na = ${defaults} { y = 2 }");

        Assert.Equal((1, 2), (config.GetInt("a.x"), config.GetInt("a.y")));
    }

    [Fact]
    public void Cycle_is_an_error()
    {
        var error = Assert.Throws<HoconException>(() => Parse("a = ${b}\nb = ${a}"));

        Assert.Equal("test.conf", error.File);
        Assert.InRange(error.Line, 1, 2);
    }

    [Fact]
    public void Concatenating_list_with_string_is_an_error()
    {
        var error = Assert.Throws<HoconException>(() => Parse("a = [1]\nb = x ${a}"));

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Sibling_reference_inside_the_same_object()
    {
        var config = Parse("a { b = ${a.c}, c = 1 }");

        Assert.Equal(1, config.GetInt("a.b"));
    }

    [Fact]
    public void Undefined_optional_in_concatenations_and_lists_disappears()
    {
        var config = Parse("x = ${?AKKAZK_TEST_SURELY_UNSET_VARIABLE} foo\nlist = [${?AKKAZK_TEST_SURELY_UNSET_VARIABLE}, 1]");

        Assert.Equal("foo", config.GetString("x"));
        Assert.Equal(["1"], config.GetStringList("list"));
    }
}
