using AkkaZk.Hocon;

namespace AkkaZk.Hocon.Tests;

public sealed class GetterTests
{
    private static readonly Config _config = ConfigurationFactory.ParseString("""
        akkazk {
          client-port = 2181
          name = "node one"
          enabled = on
          ratio = 0.25
          tick-time = 2s
          whitelist = [srvr, "ruok"]
          servers = [
            { id = 1, host = a }
            { id = 2, host = b }
          ]
          nested { deep { value = 7 } }
        }
        """, "conf/node1.conf");

    [Fact]
    public void Typed_getters()
    {
        Assert.Equal(2181, _config.GetInt("akkazk.client-port"));
        Assert.Equal(2181L, _config.GetLong("akkazk.client-port"));
        Assert.Equal("2181", _config.GetString("akkazk.client-port"));
        Assert.Equal("node one", _config.GetString("akkazk.name"));
        Assert.True(_config.GetBoolean("akkazk.enabled"));
        Assert.Equal(0.25, _config.GetDouble("akkazk.ratio"));
        Assert.Equal(TimeSpan.FromSeconds(2), _config.GetTimeSpan("akkazk.tick-time"));
        Assert.Equal(["srvr", "ruok"], _config.GetStringList("akkazk.whitelist"));
    }

    [Fact]
    public void Defaults_apply_only_when_missing()
    {
        Assert.Equal("x", _config.GetString("akkazk.missing", "x"));
        Assert.Null(_config.GetString("akkazk.missing", null));
        Assert.Equal(5, _config.GetInt("akkazk.missing", 5));
        Assert.Equal(5L, _config.GetLong("akkazk.missing", 5));
        Assert.True(_config.GetBoolean("akkazk.missing", true));
        Assert.Equal(1.5, _config.GetDouble("akkazk.missing", 1.5));
        Assert.Equal(TimeSpan.FromSeconds(1), _config.GetTimeSpan("akkazk.missing", TimeSpan.FromSeconds(1)));
        Assert.Equal(["d"], _config.GetStringList("akkazk.missing", ["d"]));
        Assert.Equal(2181, _config.GetInt("akkazk.client-port", 5));
    }

    [Fact]
    public void Missing_path_without_default_throws_naming_key_and_file()
    {
        var error = Assert.Throws<HoconException>(() => _config.GetInt("akkazk.nope"));

        Assert.Equal("No configuration setting found for key 'akkazk.nope' (conf/node1.conf)", error.Message);
        Assert.Equal("akkazk.nope", error.Key);
        Assert.Throws<HoconException>(() => _config.GetString("nope"));
        Assert.Throws<HoconException>(() => _config.GetTimeSpan("nope"));
        Assert.Throws<HoconException>(() => _config.GetStringList("nope"));
        Assert.Throws<HoconException>(() => _config.GetConfigList("nope"));
        Assert.Throws<HoconException>(() => _config.Origin("nope"));
    }

    [Fact]
    public void Sub_config_names_full_keys_in_errors()
    {
        var akkazk = _config.GetConfig("akkazk");

        var missing = Assert.Throws<HoconException>(() => akkazk.GetInt("client-portt"));
        var wrong = Assert.Throws<HoconException>(() => akkazk.GetInt("name"));

        Assert.Equal("No configuration setting found for key 'akkazk.client-portt' (conf/node1.conf)", missing.Message);
        Assert.Equal("akkazk.name: expected an int but got \"node one\" (conf/node1.conf:3)", wrong.Message);
    }

    [Fact]
    public void GetConfig_of_missing_path_is_empty()
    {
        var missing = _config.GetConfig("akkazk.absent");

        Assert.True(missing.IsEmpty);
        Assert.Equal(7, _config.GetConfig("akkazk.nested").GetConfig("deep").GetInt("value"));
    }

    [Fact]
    public void GetConfigList_reads_objects_and_names_elements_in_errors()
    {
        var servers = _config.GetConfigList("akkazk.servers");

        Assert.Equal([1, 2], servers.Select(s => s.GetInt("id")));
        var error = Assert.Throws<HoconException>(() => servers[1].GetInt("host"));
        Assert.Equal("akkazk.servers[1].host: expected an int but got \"b\" (conf/node1.conf:10)", error.Message);
    }

    [Fact]
    public void Wrong_shapes_are_type_errors_with_lines()
    {
        Assert.Equal(
            "akkazk.nested: expected a string but got an object (conf/node1.conf:12)",
            Assert.Throws<HoconException>(() => _config.GetString("akkazk.nested")).Message);
        Assert.Equal(
            "akkazk.name: expected a list but got \"node one\" (conf/node1.conf:3)",
            Assert.Throws<HoconException>(() => _config.GetStringList("akkazk.name")).Message);
        Assert.Equal(
            "akkazk.name: expected an object but got \"node one\" (conf/node1.conf:3)",
            Assert.Throws<HoconException>(() => _config.GetConfig("akkazk.name")).Message);
        Assert.Equal(
            "akkazk.whitelist[0]: expected an object but got \"srvr\" (conf/node1.conf:7)",
            Assert.Throws<HoconException>(() => _config.GetConfigList("akkazk.whitelist")).Message);
        Assert.Equal(
            "akkazk.enabled: expected an int but got \"on\" (conf/node1.conf:4)",
            Assert.Throws<HoconException>(() => _config.GetInt("akkazk.enabled")).Message);
        Assert.Equal(
            "akkazk.name: expected a boolean but got \"node one\" (conf/node1.conf:3)",
            Assert.Throws<HoconException>(() => _config.GetBoolean("akkazk.name")).Message);
    }

    [Fact]
    public void Int_overflow_is_a_type_error()
    {
        var config = ConfigurationFactory.ParseString("big = 3000000000", "x.conf");

        Assert.Equal("big: expected an int but got \"3000000000\" (x.conf:1)", Assert.Throws<HoconException>(() => config.GetInt("big")).Message);
    }

    [Fact]
    public void Origin_is_file_and_line()
    {
        Assert.Equal("conf/node1.conf:6", _config.Origin("akkazk.tick-time"));
        Assert.Equal("line 1", ConfigurationFactory.ParseString("a = 1").Origin("a"));
    }

    [Fact]
    public void AsEnumerable_lists_direct_children()
    {
        var keys = _config.GetConfig("akkazk").AsEnumerable().Select(kv => kv.Key);

        Assert.Equal(["client-port", "name", "enabled", "ratio", "tick-time", "whitelist", "servers", "nested"], keys);
    }

    [Fact]
    public void ErrorAt_names_key_file_and_line()
    {
        var error = _config.GetConfig("akkazk").ErrorAt("client-port", "must be above 5000");

        Assert.Equal("akkazk.client-port: must be above 5000 (conf/node1.conf:2)", error.Message);
    }

    [Fact]
    public void ToString_renders_parsable_hocon()
    {
        var reparsed = ConfigurationFactory.ParseString(_config.ToString());

        Assert.Equal("node one", reparsed.GetString("akkazk.name"));
        Assert.Equal(2, reparsed.GetConfigList("akkazk.servers").Count);
    }
}
