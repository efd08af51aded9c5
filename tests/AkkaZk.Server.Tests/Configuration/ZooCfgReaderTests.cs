using AkkaZk.Hocon;
using AkkaZk.Server.Configuration;

namespace AkkaZk.Server.Tests.Configuration;

public sealed class ZooCfgReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ServerSettings Settings(Config config) => ServerSettings.FromConfig(config.WithFallback(ServerConfigLoader.Reference));

    [Fact]
    public void Every_native_key_is_mapped()
    {
        var config = ZooCfgReader.Parse("""
            tickTime=2000
            dataDir=/var/zk/data
            dataLogDir=/var/zk/log
            clientPort=2182
            clientPortAddress=127.0.0.1
            maxClientCnxns=0
            minSessionTimeout=3000
            maxSessionTimeout=50000
            autopurge.snapRetainCount=7
            autopurge.purgeInterval=12
            snapCount=5000
            initLimit=11
            syncLimit=6
            4lw.commands.whitelist=stat, ruok,conf , isro
            admin.enableServer=false
            admin.serverAddress=127.0.0.2
            admin.serverPort=9090
            admin.commandURL=/cmds
            metricsProvider.httpPort=7070
            jute.maxbuffer=0xfffff
            globalOutstandingLimit=2000
            standaloneEnabled=false
            reconfigEnabled=true
            readonlymode.enabled=true
            """);

        var settings = Settings(config);

        Assert.Equal(2000, settings.TickTimeMs);
        Assert.Equal(("/var/zk/data", "/var/zk/log"), (settings.DataDir, settings.DataLogDir));
        Assert.Equal((2182, "127.0.0.1"), (settings.ClientPort, settings.ClientPortAddress));
        Assert.Equal(0, settings.MaxClientCnxns);
        Assert.Equal((3000, 50000), (settings.MinSessionTimeoutMs, settings.MaxSessionTimeoutMs));
        Assert.Equal(new AutopurgeSettings(7, 12), settings.Autopurge);
        Assert.Equal(5000, settings.SnapCount);
        Assert.Equal((11, 6), (settings.InitLimit, settings.SyncLimit));
        Assert.Equal(new HashSet<string> { "srvr", "stat", "ruok", "conf", "isro" }, settings.FourLetterWhitelist);
        Assert.Equal(new AdminSettings(false, "127.0.0.2", 9090, "/cmds"), settings.Admin);
        Assert.Equal(7070, settings.Metrics.HttpPort);
        Assert.Equal(0xfffff, settings.JuteMaxBuffer);
        Assert.Equal(2000, settings.GlobalOutstandingLimit);
        Assert.False(settings.StandaloneEnabled);
        Assert.True(settings.ReconfigEnabled);
        Assert.True(settings.ReadonlyModeEnabled);
        Assert.Empty(settings.Properties);
    }

    [Fact]
    public void Values_keep_zoo_cfg_line_origins()
    {
        var config = ZooCfgReader.Parse("# comment\n\ntickTime=2000\nclientPort=2181", "conf/zoo.cfg");

        Assert.Equal("conf/zoo.cfg:3", config.Origin("akkazk.tick-time"));
        Assert.Equal("conf/zoo.cfg:4", config.Origin("akkazk.client-port"));
    }

    [Fact]
    public void Server_lines_become_the_servers_list()
    {
        var config = ZooCfgReader.Parse("""
            server.1=zk1:2888:3888
            server.2=zk2:2889:3889:participant;2182
            server.3 = zk3:2890:3890:observer;0.0.0.0:2183
            server.4=[::1]:2891:3891;[::1]:2184
            """);

        // A distributed node must find its own id in the list.
        var servers = Settings(ConfigurationFactory.ParseString("akkazk.server-id = 1").WithFallback(config)).Servers;

        Assert.Equal(
            [
                new PeerAddress(1, "zk1", 2888, 3888),
                new PeerAddress(2, "zk2", 2889, 3889, PeerRole.Participant, 2182),
                new PeerAddress(3, "zk3", 2890, 3890, PeerRole.Observer, 2183, "0.0.0.0"),
                new PeerAddress(4, "::1", 2891, 3891, PeerRole.Participant, 2184, "::1"),
            ],
            servers);
        Assert.Equal("zoo.cfg:3", config.GetConfigList("akkazk.servers")[2].Origin("role"));
    }

    [Fact]
    public void Unknown_keys_become_zookeeper_properties()
    {
        var config = ZooCfgReader.Parse("""
            DigestAuthenticationProvider.superDigest=super:D/InIHSb7yEEbrWz8b9l71RjZJU=
            authProvider.1=org.apache.zookeeper.server.auth.SASLAuthenticationProvider
            zookeeper.skipACL=yes
            metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider
            """);

        var settings = Settings(config);

        Assert.Equal("super:D/InIHSb7yEEbrWz8b9l71RjZJU=", settings.Properties["zookeeper.DigestAuthenticationProvider.superDigest"]);
        Assert.Equal("org.apache.zookeeper.server.auth.SASLAuthenticationProvider", settings.Properties["zookeeper.authProvider.1"]);
        Assert.Equal("yes", settings.Properties["zookeeper.skipACL"]);
        Assert.True(settings.Metrics.Enabled);
        Assert.Equal("super:D/InIHSb7yEEbrWz8b9l71RjZJU=", config.GetString("akkazk.properties.\"zookeeper.DigestAuthenticationProvider.superDigest\""));
        Assert.Equal("zoo.cfg:1", config.Origin("akkazk.properties.\"zookeeper.DigestAuthenticationProvider.superDigest\""));
    }

    [Fact]
    public void Java_properties_syntax()
    {
        var config = ZooCfgReader.Parse("""
            ! bang comment
              # indented comment
              tickTime = 2000   
            dataDir : C:\\zk\\data
            clientPortAddress 127.0.0.1
            4lw.commands.whitelist=stat, \
                ruok
            clientPort=2181
            """);

        var settings = Settings(config);

        Assert.Equal(2000, settings.TickTimeMs);
        Assert.Equal(@"C:\zk\data", settings.DataDir);
        Assert.Equal("127.0.0.1", settings.ClientPortAddress);
        Assert.Equal(new HashSet<string> { "srvr", "stat", "ruok" }, settings.FourLetterWhitelist);
        Assert.Equal("zoo.cfg:8", config.Origin("akkazk.client-port"));
    }

    [Fact]
    public void Myid_in_data_dir_sets_the_server_id()
    {
        var dataDir = Path.Combine(_folder.Path, "data");
        var myId = _folder.Write("data/myid", "2\n");
        var config = ZooCfgReader.Parse($"""
            dataDir={dataDir}
            server.1=a:2888:3888
            server.2=b:2888:3888
            server.3=c:2888:3888
            """);

        var settings = Settings(config);

        Assert.Equal(2, settings.ServerId);
        Assert.False(settings.IsStandalone);
        Assert.Equal($"{myId}:1", config.Origin("akkazk.server-id"));
    }

    [Fact]
    public void Bad_myid_names_the_file()
    {
        var myId = _folder.Write("data/myid", "two");

        var error = Assert.Throws<HoconException>(() => ZooCfgReader.Parse($"dataDir={Path.Combine(_folder.Path, "data")}"));

        Assert.Equal((myId, 1), (error.File, error.Line));
    }

    [Theory]
    [InlineData("tickTime=abc", "tickTime", "expected a number but got \"abc\"")]
    [InlineData("clientPort=21 81", "clientPort", "expected a number but got \"21 81\"")]
    [InlineData("standaloneEnabled=maybe", "standaloneEnabled", "expected true or false but got \"maybe\"")]
    [InlineData("justakey", null, "expected key=value but got \"justakey\"")]
    [InlineData("=value", null, "expected key=value but got \"=value\"")]
    [InlineData("server.x=a:1:2", "server.x", "expected a numeric server id in the key but got \"x\"")]
    [InlineData("server.1=a:2888", "server.1", "expected host:quorumPort:electionPort[:participant|observer][;[clientAddr:]clientPort]")]
    [InlineData("server.1=a", "server.1", "expected host:quorumPort:electionPort")]
    [InlineData("server.1=a:x:3888", "server.1", "expected a numeric quorum port but got \"x\"")]
    [InlineData("server.1=a:2888:3888:leader", "server.1", "expected participant or observer but got \"leader\"")]
    [InlineData("server.1=a:2888:3888;b:c", "server.1", "expected a numeric client port but got \"c\"")]
    [InlineData("peerType=voter", "peerType", "expected participant or observer but got \"voter\"")]
    public void Malformed_lines_name_key_file_and_line(string badLine, string? key, string detail)
    {
        var error = Assert.Throws<HoconException>(() => ZooCfgReader.Parse($"tickTime=2000\n# comment\n{badLine}\n", "conf/zoo.cfg"));

        Assert.Equal((key, "conf/zoo.cfg", 3), (error.Key, error.File, error.Line));
        Assert.Equal(key is null ? $"{detail} (conf/zoo.cfg:3)" : $"{key}: {detail} (conf/zoo.cfg:3)", error.Message);
    }

    [Fact]
    public void Validation_of_mapped_values_points_at_the_zoo_cfg_line()
    {
        var config = ZooCfgReader.Parse("tickTime=2000\nclientPort=70000", "conf/zoo.cfg");

        var error = Assert.Throws<HoconException>(() => Settings(config));

        Assert.Equal("akkazk.client-port: expected a port number (1-65535) but got 70000 (conf/zoo.cfg:2)", error.Message);
    }

    [Fact]
    public void Zookeeper_default_session_timeouts_from_tick()
    {
        var settings = Settings(ZooCfgReader.Parse("tickTime=2000"));

        Assert.Equal((4000, 40000), (settings.MinSessionTimeoutMs, settings.MaxSessionTimeoutMs));
    }
}
