using AkkaZk.Hocon;

namespace AkkaZk.Hocon.Tests;

public sealed class ConfigBuilderTests
{
    [Fact]
    public void Builds_nested_values_with_their_origins()
    {
        var config = new ConfigBuilder("zoo.cfg")
            .Set("akkazk.tick-time", new HoconScalar("2000", HoconScalarKind.Number, new HoconOrigin("zoo.cfg", 3)))
            .Set(["akkazk", "properties", "zookeeper.x.y"], new HoconScalar("v", HoconScalarKind.String, new HoconOrigin("zoo.cfg", 4)))
            .Build();

        Assert.Equal(TimeSpan.FromSeconds(2), config.GetTimeSpan("akkazk.tick-time"));
        Assert.Equal("v", config.GetString("akkazk.properties.\"zookeeper.x.y\""));
        Assert.Equal("zoo.cfg:4", config.Origin("akkazk.properties.\"zookeeper.x.y\""));
        Assert.Equal(
            "No configuration setting found for key 'akkazk.nope' (zoo.cfg)",
            Assert.Throws<HoconException>(() => config.GetInt("akkazk.nope")).Message);
    }

    [Fact]
    public void Later_set_replaces_and_objects_merge()
    {
        var origin = new HoconOrigin("x", 1);
        var config = new ConfigBuilder()
            .Set("a.b", new HoconScalar("1", HoconScalarKind.Number, origin))
            .Set("a.c", new HoconScalar("2", HoconScalarKind.Number, origin))
            .Set("a.b", new HoconScalar("3", HoconScalarKind.Number, origin))
            .Set("list", new HoconArray([new HoconObject(origin, [new("id", new HoconScalar("1", HoconScalarKind.Number, origin))])], origin))
            .Build();

        Assert.Equal((3, 2), (config.GetInt("a.b"), config.GetInt("a.c")));
        Assert.Equal(1, config.GetConfigList("list")[0].GetInt("id"));
    }
}
