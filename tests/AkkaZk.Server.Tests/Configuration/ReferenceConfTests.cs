using AkkaZk.Server.Configuration;

namespace AkkaZk.Server.Tests.Configuration;

public sealed class ReferenceConfTests
{
    [Fact]
    public void Defaults_match_zookeeper()
    {
        var settings = ServerConfigLoader.LoadDefaults();

        Assert.Equal(0, settings.ServerId);
        Assert.Equal(TimeSpan.FromMilliseconds(3000), settings.TickTime);
        Assert.Equal(3000, settings.TickTimeMs);
        Assert.Equal("./data", settings.DataDir);
        Assert.Equal("./data", settings.DataLogDir);
        Assert.Equal(2181, settings.ClientPort);
        Assert.Equal("0.0.0.0", settings.ClientPortAddress);
        Assert.Equal(60, settings.MaxClientCnxns);
        Assert.Equal(6000, settings.MinSessionTimeoutMs);
        Assert.Equal(60000, settings.MaxSessionTimeoutMs);
        Assert.Equal(100000, settings.SnapCount);
        Assert.Equal(1048575, settings.JuteMaxBuffer);
        Assert.Equal(1000, settings.GlobalOutstandingLimit);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.SessionlessCnxnTimeout);
        Assert.Equal((10, 5), (settings.InitLimit, settings.SyncLimit));
        Assert.Equal(new AutopurgeSettings(3, 0), settings.Autopurge);
        Assert.False(settings.Autopurge.IsEnabled);
        Assert.Equal(["srvr"], settings.FourLetterWhitelist);
        Assert.Equal(new AdminSettings(true, "0.0.0.0", 8080, "/commands"), settings.Admin);
        Assert.Equal(new MetricsSettings(false, 7000), settings.Metrics);
        Assert.Equal(new JournalSettings(1000, true), settings.Journal);
        Assert.True(settings.StandaloneEnabled);
        Assert.False(settings.ReconfigEnabled);
        Assert.False(settings.ReadonlyModeEnabled);
        Assert.Empty(settings.Servers);
        Assert.Empty(settings.Properties);
        Assert.True(settings.IsStandalone);
    }

    [Fact]
    public void Reference_config_names_its_resource_as_origin()
    {
        Assert.Equal("AkkaZk.Server.reference.conf:5", ServerConfigLoader.Reference.Origin("akkazk.tick-time"));
    }
}
