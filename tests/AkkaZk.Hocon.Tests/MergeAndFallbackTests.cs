using AkkaZk.Hocon;

namespace AkkaZk.Hocon.Tests;

public sealed class MergeAndFallbackTests
{
    private static Config Parse(string text) => ConfigurationFactory.ParseString(text, "test.conf");

    [Fact]
    public void Later_object_merges_into_earlier()
    {
        var config = Parse("a { x = 1, y = 2 }\na { y = 3, z = 4 }\na.w = 5");

        Assert.Equal((1, 3, 4, 5), (config.GetInt("a.x"), config.GetInt("a.y"), config.GetInt("a.z"), config.GetInt("a.w")));
    }

    [Fact]
    public void Later_non_object_replaces_and_breaks_the_merge_chain()
    {
        var config = Parse("a { x = 1 }\na = 5\nb = 1\nb { y = 2 }\nc { x = 1 }\nc = 5\nc { z = 3 }");

        Assert.Equal(5, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b.y"));
        Assert.False(config.HasPath("c.x"));
        Assert.Equal(3, config.GetInt("c.z"));
    }

    [Fact]
    public void Duplicate_scalar_takes_last_value_and_origin()
    {
        var config = Parse("a = 1\na = 2");

        Assert.Equal(2, config.GetInt("a"));
        Assert.Equal("test.conf:2", config.Origin("a"));
    }

    [Fact]
    public void WithFallback_fills_missing_keys_and_merges_objects()
    {
        var primary = ConfigurationFactory.ParseString("a { x = 1 }\nb = primary", "primary.conf");
        var fallback = ConfigurationFactory.ParseString("a { x = 9, y = 2 }\nb = fallback\nc = 3", "fallback.conf");

        var merged = primary.WithFallback(fallback);

        Assert.Equal((1, 2, "primary", 3), (merged.GetInt("a.x"), merged.GetInt("a.y"), merged.GetString("b"), merged.GetInt("c")));
        Assert.Equal("primary.conf:1", merged.Origin("a.x"));
        Assert.Equal("fallback.conf:1", merged.Origin("a.y"));
        Assert.Equal("fallback.conf:3", merged.Origin("c"));
    }

    [Fact]
    public void WithFallback_chains_and_leaves_inputs_untouched()
    {
        var a = Parse("x = 1");
        var b = Parse("y = 2");
        var c = Parse("z = 3");

        var merged = a.WithFallback(b).WithFallback(c);

        Assert.Equal(3, merged.GetInt("z"));
        Assert.False(a.HasPath("y"));
    }

    [Fact]
    public void Empty_config_as_primary_or_fallback()
    {
        var config = Parse("a = 1");

        Assert.True(ConfigurationFactory.Empty.IsEmpty);
        Assert.Equal(1, ConfigurationFactory.Empty.WithFallback(config).GetInt("a"));
        Assert.Equal(1, config.WithFallback(ConfigurationFactory.Empty).GetInt("a"));
    }
}
