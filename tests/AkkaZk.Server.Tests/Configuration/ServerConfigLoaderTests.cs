using AkkaZk.Hocon;
using AkkaZk.Server.Configuration;

namespace AkkaZk.Server.Tests.Configuration;

public sealed class ServerConfigLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Cfg_file_is_read_as_zoo_cfg_over_the_defaults()
    {
        var path = _folder.Write("zoo.cfg", "tickTime=2000\nclientPort=2185\n");

        var settings = ServerConfigLoader.Load(path);

        Assert.Equal((2000, 2185, 60), (settings.TickTimeMs, settings.ClientPort, settings.MaxClientCnxns));
    }

    [Fact]
    public void Conf_file_is_read_as_hocon_with_includes()
    {
        _folder.Write("common.conf", "akkazk.tick-time = 1s");
        var path = _folder.Write("node1.conf", "include \"common.conf\"\nakkazk.client-port = 2186");

        var settings = ServerConfigLoader.Load(path);

        Assert.Equal((1000, 2186, 2000, 20000), (settings.TickTimeMs, settings.ClientPort, settings.MinSessionTimeoutMs, settings.MaxSessionTimeoutMs));
    }

    [Fact]
    public void Other_extensions_are_zoo_cfg()
    {
        var path = _folder.Write("zookeeper.properties", "clientPort=2187");

        Assert.Equal(2187, ServerConfigLoader.Load(path).ClientPort);
    }

    [Fact]
    public void Validation_errors_name_the_loaded_file()
    {
        var path = _folder.Write("node1.conf", "akkazk {\n  tick-time = abc\n}");

        var error = Assert.Throws<HoconException>(() => ServerConfigLoader.Load(path));

        Assert.Equal($"akkazk.tick-time: expected a duration but got \"abc\" ({path}:2)", error.Message);
    }

    [Fact]
    public void Missing_file_is_a_hocon_error_naming_it()
    {
        var path = Path.Combine(_folder.Path, "absent.cfg");

        Assert.Equal(path, Assert.Throws<HoconException>(() => ServerConfigLoader.Load(path)).File);
        Assert.Equal(path + ".conf", Assert.Throws<HoconException>(() => ServerConfigLoader.Load(path + ".conf")).File);
    }

    [Fact]
    public void LoadConfig_exposes_the_merged_config()
    {
        var path = _folder.Write("zoo.cfg", "clientPort=2188");

        var config = ServerConfigLoader.LoadConfig(path);

        Assert.Equal(2188, config.GetInt("akkazk.client-port"));
        Assert.Equal(3000, (int)config.GetTimeSpan("akkazk.tick-time").TotalMilliseconds);
    }
}
