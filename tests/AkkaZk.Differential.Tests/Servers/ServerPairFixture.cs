namespace AkkaZk.Differential.Tests.Servers;

/// <summary>Apache ZooKeeper 3.8.0 and AkkaZk, started side by side with the same zoo.cfg, for the differential run.</summary>
public sealed class ServerPairFixture : IAsyncLifetime
{
    private ServerProcess? _zooKeeper;
    private ServerProcess? _akkaZk;

    public ServerProcess ZooKeeper => _zooKeeper ?? throw new InvalidOperationException("fixture not started");
    public ServerProcess AkkaZk => _akkaZk ?? throw new InvalidOperationException("fixture not started");

    public async Task InitializeAsync()
    {
        // Start both at once: the JVM and the .NET host warm up on different cores.
        var zooKeeper = ServerProcess.StartZooKeeperAsync();
        var akkaZk = ServerProcess.StartAkkaZkAsync();
        try
        {
            await Task.WhenAll(zooKeeper, akkaZk).ConfigureAwait(false);
        }
        catch
        {
            if (zooKeeper.IsCompletedSuccessfully) await zooKeeper.Result.DisposeAsync().ConfigureAwait(false);
            if (akkaZk.IsCompletedSuccessfully) await akkaZk.Result.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        _zooKeeper = zooKeeper.Result;
        _akkaZk = akkaZk.Result;
    }

    public async Task DisposeAsync()
    {
        if (_zooKeeper is not null) await _zooKeeper.DisposeAsync().ConfigureAwait(false);
        if (_akkaZk is not null) await _akkaZk.DisposeAsync().ConfigureAwait(false);
    }
}

[CollectionDefinition(Name)]
public sealed class ServerPairCollection : ICollectionFixture<ServerPairFixture>
{
    public const string Name = "ZooKeeper and AkkaZk";
}

/// <summary>
/// AkkaZk alone, for the fuzz test (which must not disturb the differential pair). AKKAZK_FUZZ_TARGET=zookeeper
/// starts Apache ZooKeeper 3.8.0 instead, to check the fuzz test's expectations against the reference.
/// </summary>
public sealed class AkkaZkFixture : IAsyncLifetime
{
    private ServerProcess? _server;

    public ServerProcess Server => _server ?? throw new InvalidOperationException("fixture not started");

    public async Task InitializeAsync() => _server = Environment.GetEnvironmentVariable("AKKAZK_FUZZ_TARGET") == "zookeeper"
        ? await ServerProcess.StartZooKeeperAsync("zookeeper-fuzz").ConfigureAwait(false)
        : await ServerProcess.StartAkkaZkAsync("akkazk-fuzz").ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync().ConfigureAwait(false);
    }
}
