using AkkaZk.Hocon;
using AkkaZk.Server.Configuration;

namespace AkkaZk.Server.Tests.Configuration;

public sealed class ServerSettingsTests
{
    private static ServerSettings FromHocon(string text, string origin = "conf/node1.conf") =>
        ServerSettings.FromConfig(ConfigurationFactory.ParseString(text, origin).WithFallback(ServerConfigLoader.Reference));

    private static HoconException Invalid(string text) => Assert.Throws<HoconException>(() => FromHocon(text));

    [Fact]
    public void Native_hocon_configuration()
    {
        var settings = FromHocon("""
            akkazk {
              server-id = 2
              tick-time = 2s
              data-dir = "/var/lib/akkazk"
              data-log-dir = "/var/log/akkazk"
              client-port = 2182
              min-session-timeout = 5s
              max-session-timeout = 30000
              autopurge { snap-retain-count = 5, purge-interval = 24 }
              four-letter-words.whitelist = [ruok, stat]
              admin.enable-server = false
              metrics { enabled = true, http-port = 7001 }
              journal.fsync = false
              servers = [
                { id = 1, host = "zk1", quorum-port = 2888, election-port = 3888 }
                { id = 2, host = "zk2", quorum-port = 2888, election-port = 3888, client-port = 2182 }
                { id = 3, host = "zk3", quorum-port = 2888, election-port = 3888, role = observer }
              ]
              properties {
                "zookeeper.DigestAuthenticationProvider.superDigest" = "super:abc="
                zookeeper.skipACL = yes
              }
            }
            """);

        Assert.Equal(2, settings.ServerId);
        Assert.Equal(2000, settings.TickTimeMs);
        Assert.Equal(("/var/lib/akkazk", "/var/log/akkazk"), (settings.DataDir, settings.DataLogDir));
        Assert.Equal(2182, settings.ClientPort);
        Assert.Equal((5000, 30000), (settings.MinSessionTimeoutMs, settings.MaxSessionTimeoutMs));
        Assert.Equal(new AutopurgeSettings(5, 24), settings.Autopurge);
        Assert.True(settings.Autopurge.IsEnabled);
        Assert.Equal(new HashSet<string> { "srvr", "ruok", "stat" }, settings.FourLetterWhitelist);
        Assert.False(settings.Admin.EnableServer);
        Assert.Equal(new MetricsSettings(true, 7001), settings.Metrics);
        Assert.Equal(new JournalSettings(1000, false), settings.Journal);
        Assert.Equal(
            [
                new PeerAddress(1, "zk1", 2888, 3888),
                new PeerAddress(2, "zk2", 2888, 3888, PeerRole.Participant, 2182),
                new PeerAddress(3, "zk3", 2888, 3888, PeerRole.Observer),
            ],
            settings.Servers);
        Assert.False(settings.IsStandalone);
        Assert.Equal("super:abc=", settings.Properties["zookeeper.DigestAuthenticationProvider.superDigest"]);
        Assert.Equal("yes", settings.Properties["zookeeper.skipACL"]);
    }

    [Fact]
    public void Session_timeouts_default_to_2_and_20_ticks_as_zookeeper()
    {
        var settings = FromHocon("akkazk.tick-time = 2000");

        Assert.Equal((4000, 40000), (settings.MinSessionTimeoutMs, settings.MaxSessionTimeoutMs));
    }

    [Fact]
    public void One_explicit_session_bound_keeps_the_other_derived()
    {
        var settings = FromHocon("akkazk { tick-time = 2000, max-session-timeout = 10000 }");

        Assert.Equal((4000, 10000), (settings.MinSessionTimeoutMs, settings.MaxSessionTimeoutMs));
    }

    [Fact]
    public void Whitelist_star_allows_everything_and_srvr_is_always_allowed()
    {
        var all = FromHocon("akkazk.four-letter-words.whitelist = [\"*\"]");
        var none = FromHocon("akkazk.four-letter-words.whitelist = []");
        var commaString = FromHocon("akkazk.four-letter-words.whitelist = \"stat, ruok\"");

        Assert.True(all.IsFourLetterWordAllowed("wchc"));
        Assert.True(none.IsFourLetterWordAllowed("srvr"));
        Assert.False(none.IsFourLetterWordAllowed("stat"));
        Assert.Equal(new HashSet<string> { "srvr", "stat", "ruok" }, commaString.FourLetterWhitelist);
    }

    [Theory]
    [InlineData(0, true, true)]
    [InlineData(1, true, true)]
    [InlineData(1, false, false)]
    [InlineData(2, true, false)]
    public void Standalone_follows_zookeeper_is_distributed(int serverCount, bool standaloneEnabled, bool expected)
    {
        var servers = string.Join(", ", Enumerable.Range(1, serverCount).Select(i => $"{{ id = {i}, host = h{i}, quorum-port = 2888, election-port = 3888 }}"));

        var settings = FromHocon($"akkazk {{ server-id = 1, standalone-enabled = {(standaloneEnabled ? "true" : "false")}, servers = [{servers}] }}");

        Assert.Equal(expected, settings.IsStandalone);
    }

    [Fact]
    public void Observers_do_not_count_as_voting_members()
    {
        var settings = FromHocon("""
            akkazk.server-id = 1
            akkazk.servers = [
              { id = 1, host = a, quorum-port = 2888, election-port = 3888 }
              { id = 2, host = b, quorum-port = 2888, election-port = 3888, role = observer }
            ]
            """);

        Assert.True(settings.IsStandalone);
    }

    [Fact]
    public void Port_out_of_range_names_key_file_and_line()
    {
        var error = Invalid("akkazk {\n  client-port = 70000\n}");

        Assert.Equal("akkazk.client-port: expected a port number (1-65535) but got 70000 (conf/node1.conf:2)", error.Message);
        Assert.Equal(("akkazk.client-port", "conf/node1.conf", 2), (error.Key, error.File, error.Line));
    }

    [Fact]
    public void Negative_tick_is_rejected()
    {
        var error = Invalid("a = 1\nakkazk.tick-time = -5");

        Assert.Equal(("akkazk.tick-time", 2), (error.Key, error.Line));
    }

    [Fact]
    public void Bad_duration_names_key_file_and_line()
    {
        Assert.Equal(
            "akkazk.tick-time: expected a duration but got \"abc\" (conf/node1.conf:1)",
            Invalid("akkazk.tick-time = abc").Message);
    }

    [Fact]
    public void Min_session_timeout_above_max_is_rejected()
    {
        var error = Invalid("akkazk {\n  min-session-timeout = 50000\n  max-session-timeout = 40000\n}");

        Assert.Equal(("akkazk.min-session-timeout", "conf/node1.conf", 2), (error.Key, error.File, error.Line));
        Assert.Contains("must not be larger than maxSessionTimeout", error.Message);
    }

    [Fact]
    public void Derived_min_above_explicit_max_blames_the_max()
    {
        var error = Invalid("akkazk {\n  tick-time = 3000\n  max-session-timeout = 1000\n}");

        Assert.Equal(("akkazk.max-session-timeout", 3), (error.Key, error.Line));
    }

    [Fact]
    public void Duplicate_server_ids_are_rejected()
    {
        var error = Invalid("""
            akkazk.server-id = 1
            akkazk.servers = [
              { id = 1, host = a, quorum-port = 2888, election-port = 3888 }
              { id = 1, host = b, quorum-port = 2888, election-port = 3888 }
            ]
            """);

        Assert.Equal(("akkazk.servers[1].id", "conf/node1.conf", 4), (error.Key, error.File, error.Line));
        Assert.Contains("duplicate server id 1 (also defined at conf/node1.conf:3)", error.Message);
    }

    [Fact]
    public void Unknown_role_is_rejected()
    {
        var error = Invalid("""
            akkazk.servers = [
              { id = 1, host = a, quorum-port = 2888, election-port = 3888,
                role = leader }
            ]
            """);

        Assert.Equal("akkazk.servers[0].role: expected participant or observer but got \"leader\" (conf/node1.conf:3)", error.Message);
    }

    [Fact]
    public void Distributed_node_must_be_in_the_server_list()
    {
        const string servers = "akkazk.servers = [{ id = 1, host = a, quorum-port = 2888, election-port = 3888 }, { id = 2, host = b, quorum-port = 2888, election-port = 3888 }]";

        var notListed = Invalid($"akkazk.server-id = 5\n{servers}");
        var noId = Invalid(servers);

        Assert.Equal(("akkazk.server-id", 1), (notListed.Key, notListed.Line));
        Assert.Contains("not in the servers list (1, 2)", notListed.Message);
        Assert.Contains("no myid", noId.Message);
    }

    [Fact]
    public void Wrong_types_name_key_file_and_line()
    {
        Assert.Equal(
            "akkazk.admin.enable-server: expected a boolean but got \"maybe\" (conf/node1.conf:2)",
            Invalid("\nakkazk.admin.enable-server = maybe").Message);
        Assert.Equal(
            "akkazk.servers: expected a list of objects but got \"none\" (conf/node1.conf:1)",
            Invalid("akkazk.servers = none").Message);
    }

    [Fact]
    public void Empty_data_dir_is_rejected()
    {
        var error = Invalid("akkazk.data-dir = \"\"");

        Assert.Equal(("akkazk.data-dir", 1), (error.Key, error.Line));
    }
}
