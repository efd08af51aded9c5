using AkkaZk.Server.Configuration;
using AkkaZk.Server.Ensemble;

namespace AkkaZk.Server.Tests.Configuration;

/// <summary>The config text and files of dynamic reconfiguration (QuorumServer.toString, writeDynamicConfig, editStaticConfig).</summary>
public sealed class DynamicConfigTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Config_text_is_one_line_per_server_in_id_order_then_the_version_in_hex()
    {
        PeerAddress[] servers =
        [
            new(3, "::1", 2890, 3890, PeerRole.Observer),
            new(1, "zk1", 2888, 3888, ClientPort: 2181),
            new(2, "zk2", 2889, 3889, ClientPort: 2182, ClientAddress: "10.0.0.2"),
        ];
        Assert.Equal(
            "server.1=zk1:2888:3888:participant;0.0.0.0:2181\nserver.2=zk2:2889:3889:participant;10.0.0.2:2182\n"
            + "server.3=[::1]:2890:3890:observer\nversion=100000002",
            DynamicConfig.Text(servers, 0x100000002));
    }

    [Fact]
    public void A_config_text_reads_back_as_the_same_servers()
    {
        var text = "server.1=zk1:2888:3888:participant;0.0.0.0:2181\nserver.3=[::1]:2890:3890:observer\nversion=100000002";
        var servers = DynamicConfig.ParseServers(text);
        Assert.Equal(text, DynamicConfig.Text(servers, 0x100000002));
    }

    [Fact]
    public void Persisting_writes_the_dynamic_file_and_points_zoo_cfg_at_it_so_a_restart_reads_it()
    {
        _folder.Write("data/myid", "1\n");
        var dataDir = Path.Combine(_folder.Path, "data");
        var zooCfg = _folder.Write("zoo.cfg", $"tickTime=2000\ndataDir={dataDir}\nreconfigEnabled=true\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n");
        DynamicConfig.Persist(zooCfg, [new(1, "zk1", 2888, 3888), new(3, "zk3", 2888, 3888)], 0x100000004);

        var dynamicFile = zooCfg + ".dynamic.100000004";
        Assert.Equal("server.1=zk1:2888:3888:participant\nserver.3=zk3:2888:3888:participant\n", File.ReadAllText(dynamicFile));
        Assert.Equal($"tickTime=2000\ndataDir={dataDir}\nreconfigEnabled=true\ndynamicConfigFile={dynamicFile}\n", File.ReadAllText(zooCfg));
        var settings = ServerSettings.FromConfig(ZooCfgReader.Read(zooCfg).WithFallback(ServerConfigLoader.Reference));
        Assert.Equal([1L, 3L], settings.Servers.Select(s => s.Id));
        Assert.Equal(0x100000004, settings.ConfigVersion);
        Assert.Equal(Path.GetFullPath(zooCfg), settings.ZooCfgPath);
    }
}
