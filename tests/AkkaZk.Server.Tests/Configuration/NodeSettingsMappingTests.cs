using AkkaZk.Server.Configuration;
using AkkaZk.Server.FourLetterWords;
using AkkaZk.Server.Hosting;
using AkkaZk.Server.Tree;
using AkkaZk.Server.Ensemble;

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
        Assert.True(node.Tree.DigestEnabled);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("TRUE", true)]
    [InlineData("no", false)]
    public void Digest_enabled_is_read_as_java_parses_a_boolean(string value, bool expected)
    {
        var path = _folder.Write("zoo.cfg", $"dataDir={_folder.Path}\ndigest.enabled={value}\n");

        Assert.Equal(expected, NodeSettingsFactory.Create(ServerConfigLoader.Load(path)).Tree.DigestEnabled);
    }

    [Fact]
    public void A_server_list_makes_an_ensemble_member_with_its_zab_limits()
    {
        _folder.Write("myid", "2");
        var path = _folder.Write("zoo.cfg", $"dataDir={_folder.Path}\ninitLimit=7\nsyncLimit=3\ncommitLogCount=50\n" +
            "server.1=127.0.0.1:2881:3881\nserver.2=127.0.0.1:2882:3882\nserver.3=127.0.0.1:2883:3883:observer\n");

        var node = NodeSettingsFactory.Create(ServerConfigLoader.Load(path));

        var ensemble = Assert.IsType<EnsembleSettings>(node.Ensemble);
        Assert.Equal(2, ensemble.MyId);
        Assert.Equal((7, 3, 50), (ensemble.Zab.InitLimit, ensemble.Zab.SyncLimit, ensemble.Zab.CommitLogCount));
        Assert.Equal([1L, 2L], ensemble.Config.Voters.Order());
        Assert.Equal([3L], ensemble.Config.Observers);
        Assert.StartsWith("server.1=127.0.0.1:2881:3881:participant\n", ensemble.Config.ConfigString);
        Assert.EndsWith("server.3=127.0.0.1:2883:3883:observer\nversion=0", ensemble.Config.ConfigString);
        Assert.NotNull(ensemble.ElectionProps(ensemble));
    }

    [Theory]
    [InlineData("observer", ":observer", 1)]
    [InlineData("Participant", ":observer", 1)]
    [InlineData("observer", "", 0)]
    public void The_server_line_sets_the_role_and_peer_type_only_agrees(string peerType, string role, int shownPeerType)
    {
        // As ZooKeeper 3.8: "Peer type from servers list doesn't match peerType. Defaulting to servers list."
        _folder.Write("myid", "3");
        var path = _folder.Write("zoo.cfg", $"dataDir={_folder.Path}\ninitLimit=7\nsyncLimit=3\npeerType={peerType}\n" +
            $"server.1=127.0.0.1:2881:3881\nserver.2=127.0.0.1:2882:3882\nserver.3=127.0.0.1:2883:3883{role}\n");

        var node = NodeSettingsFactory.Create(ServerConfigLoader.Load(path));

        Assert.Equal(role.Length > 0, node.Ensemble!.IsObserver);
        // The peer serves conf with its active config's lines (PeerActor.QuorumConf); at start that is this one.
        var conf = StatusText.Conf(node.FourLetterWords with { QuorumConf = () => StatusText.QuorumConf(node.Ensemble) });
        Assert.EndsWith("\nserverId=3\ninitLimit=7\nsyncLimit=3\nelectionAlg=3\nelectionPort=3883\nquorumPort=2883\n" +
            $"peerType={shownPeerType}\nmembership: \nserver.1=127.0.0.1:2881:3881:participant\n" +
            $"server.2=127.0.0.1:2882:3882:participant\nserver.3=127.0.0.1:2883:3883:{(role.Length > 0 ? "observer" : "participant")}\nversion=0", conf);
    }

    [Fact]
    public void A_standalone_configuration_has_no_ensemble()
    {
        var path = _folder.Write("zoo.cfg", $"dataDir={_folder.Path}\n");
        var node = NodeSettingsFactory.Create(ServerConfigLoader.Load(path));
        Assert.Null(node.Ensemble);
        Assert.EndsWith("\nserverId=0\n", StatusText.Conf(node.FourLetterWords));
    }
}
