using AkkaZk.Server.Configuration;
using AkkaZk.Server.Hosting;
using AkkaZk.Server.Tree;

namespace AkkaZk.Server.Tests.Configuration;

/// <summary>The container manager, connection and outstanding limits as they reach the components' settings.</summary>
public sealed class NodeSettingsMappingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Zoo_cfg_keys_reach_the_container_manager_and_the_client_port()
    {
        var path = _folder.Write("zoo.cfg", $"dataDir={_folder.Path}\nznode.container.checkIntervalMs=100\n" +
            "znode.container.maxPerMinute=600\nmaxCnxns=7\nglobalOutstandingLimit=50\nextendedTypesEnabled=true\n");

        var node = NodeSettingsFactory.Create(ServerConfigLoader.Load(path));

        Assert.Equal(new ContainerSettings(100, 600, 0), node.Tree.Containers);
        Assert.Equal(TimeSpan.FromMilliseconds(100), node.Tree.Containers.MinDeleteInterval);
        Assert.Equal((7, 50), (node.Ingress.MaxCnxns, node.Ingress.GlobalOutstandingLimit));
        Assert.True(node.Tree.Journal.ExtendedTypesEnabled);
        Assert.True(node.Tree.Prep.ExtendedTypesEnabled);
    }

    [Fact]
    public void The_defaults_are_zookeepers()
    {
        var path = _folder.Write("zoo.cfg", $"dataDir={_folder.Path}\n");

        var node = NodeSettingsFactory.Create(ServerConfigLoader.Load(path));

        Assert.Equal(new ContainerSettings(60000, 10000, 0), node.Tree.Containers);
        Assert.Equal((0, 1000), (node.Ingress.MaxCnxns, node.Ingress.GlobalOutstandingLimit));
    }
}
