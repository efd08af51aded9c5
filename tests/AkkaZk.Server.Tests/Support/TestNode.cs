using AkkaZk.Actors;
using AkkaZk.Client;
using AkkaZk.DataTree;
using AkkaZk.Server.FourLetterWords;
using AkkaZk.Server.Network;
using AkkaZk.Server.Peer;
using AkkaZk.Server.Sessions;
using AkkaZk.Server.Stats;
using AkkaZk.Server.Tree;

namespace AkkaZk.Server.Tests.Support;

/// <summary>A standalone node in this process on a free loopback port, with its own data directory.</summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly bool _ownsDirectory;
    private ActorSystem? _system;

    private readonly Func<NodeSettings, NodeSettings>? _configure;

    private TestNode(string dataDir, bool ownsDirectory, int tickMs, IReadOnlySet<string> whitelist, int maxFrame,
        Func<NodeSettings, NodeSettings>? configure)
    {
        DataDir = dataDir;
        _ownsDirectory = ownsDirectory;
        TickMs = tickMs;
        Whitelist = whitelist;
        MaxFrame = maxFrame;
        _configure = configure;
    }

    public string DataDir { get; }
    public int TickMs { get; }
    public IReadOnlySet<string> Whitelist { get; }
    public int MaxFrame { get; }
    public int Port { get; private set; }
    public IActorRef Peer { get; private set; } = ActorRefs.Nobody;
    public string? FatalReason { get; private set; }
    public ServerStats Stats { get; } = new();
    public ConnectionRegistry Connections { get; } = new();

    /// <param name="configure">Overrides of the node's settings (e.g. <c>s =&gt; s with { Tree = s.Tree with { … } }</c>).</param>
    public static async Task<TestNode> StartAsync(int tickMs = 200, string? dataDir = null, IReadOnlySet<string>? whitelist = null,
        int maxFrame = 0xFFFFF, Func<NodeSettings, NodeSettings>? configure = null)
    {
        var dir = dataDir ?? Path.Combine(Path.GetTempPath(), "akkazk-test-" + Guid.NewGuid().ToString("N"));
        var node = new TestNode(dir, dataDir is null, tickMs, whitelist ?? new HashSet<string> { "*" }, maxFrame, configure);
        await node.StartAsync().ConfigureAwait(false);
        return node;
    }

    private async Task StartAsync()
    {
        var journal = new JournalSettings(DataDir, DataDir, Fsync: false, SnapCount: 100000, SnapRetainCount: 3, PurgeInterval: TimeSpan.Zero);
        var tree = new TreeSettings(0, TickMs, 2 * TickMs, 20 * TickMs, 1000, new PrepSettings(), journal);
        var settings = new NodeSettings(0, tree, new IngressSettings("127.0.0.1", 0, 60),
            new SessionSettings(MaxFrame, TimeSpan.FromSeconds(10), null),
            new FourLetterWordSettings(Whitelist, [new("clientPort", "0")], DataDir, DataDir));
        if (_configure is not null) settings = _configure(settings);
        _system = ActorSystem.Create("test-node");
        var serving = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Peer = _system.ActorOf(PeerActor.Props(settings, Stats, Connections, r => FatalReason = r, serving), "peer");
        Port = await serving.Task.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    public Task<ZkClient> ConnectAsync(int sessionTimeoutMs = 10000) => ZkClient.ConnectAsync("127.0.0.1", Port, sessionTimeoutMs);

    /// <summary>Stops the node (as a clean shutdown) and starts a new one on the same data directory.</summary>
    public async Task<TestNode> RestartAsync()
    {
        await StopAsync().ConfigureAwait(false);
        var node = new TestNode(DataDir, _ownsDirectory, TickMs, Whitelist, MaxFrame, _configure);
        await node.StartAsync().ConfigureAwait(false);
        return node;
    }

    private async Task StopAsync()
    {
        if (_system is null) return;
        await _system.Terminate().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _system = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_ownsDirectory && Directory.Exists(DataDir))
        {
            try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
        }
    }
}
