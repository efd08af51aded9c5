using AkkaZk.Actors;
using AkkaZk.Actors.Remote;
using AkkaZk.Client;
using AkkaZk.Consensus;
using AkkaZk.DataTree;
using AkkaZk.Server.Configuration;
using AkkaZk.Server.Ensemble;
using AkkaZk.Server.FourLetterWords;
using AkkaZk.Server.Network;
using AkkaZk.Server.Peer;
using AkkaZk.Server.Sessions;
using AkkaZk.Server.Stats;
using AkkaZk.Server.Tests.Support;
using AkkaZk.Server.Tree;
using JournalSettings = AkkaZk.Server.Tree.JournalSettings;

namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>
/// An ensemble of in-process nodes (one actor system each) on free loopback ports, each with its own data directory,
/// electing with the <see cref="StubElectionBoard"/> or, with realElection, the ElectionActor over the election
/// port. Kill stops a node's actor system without a clean shutdown of anything but its sockets; Start brings it
/// back on the same directory and ports.
/// </summary>
public sealed class TestEnsemble : IAsyncDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "akkazk-ensemble-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<long, ActorSystem> _systems = [];
    private readonly Dictionary<long, IActorRef> _peers = [];
    private readonly Dictionary<long, int> _clientPorts = [];
    private readonly List<PeerAddress> _servers = [];
    private readonly StubElectionBoard _board;
    private readonly int _tickMs;
    private readonly int _commitLogCount;
    private readonly int _snapCount;
    private readonly bool _fsync;
    private readonly bool _realElection;
    private bool _readOnlyMode;

    private TestEnsemble(int voters, int observers, int tickMs, int commitLogCount, int snapCount, bool fsync, bool realElection)
    {
        _fsync = fsync;
        _realElection = realElection;
        _tickMs = tickMs;
        _commitLogCount = commitLogCount;
        _snapCount = snapCount;
        var ports = LoopbackPorts.Free(3 * (voters + observers));
        for (long id = 1; id <= voters + observers; id++)
        {
            var i = 3 * (int)(id - 1);
            _servers.Add(new PeerAddress(id, "127.0.0.1", ports[i], ports[i + 1], id > voters ? PeerRole.Observer : PeerRole.Participant));
            _clientPorts[id] = ports[i + 2];
        }
        _board = new StubElectionBoard(_servers.Where(s => s.IsParticipant).Select(s => s.Id).ToHashSet());
    }

    public IEnumerable<long> Ids => _servers.Select(s => s.Id);

    public LinkFaults Faults { get; } = new();

    /// <summary>Every node's log lines, in order (for a failing scenario's message).</summary>
    public TestKit.CapturingLoggerFactory Logs { get; } = new();

    public string LogText() => string.Join("\n", Logs.Lines.Select(l => l.ToString()));

    public static async Task<TestEnsemble> StartAsync(int voters = 3, int observers = 0, int tickMs = 100, int commitLogCount = 500, int snapCount = 100000, bool fsync = false,
        bool realElection = false)
    {
        var ensemble = new TestEnsemble(voters, observers, tickMs, commitLogCount, snapCount, fsync, realElection);
        foreach (var id in ensemble.Ids) ensemble.Start(id);
        foreach (var id in ensemble.Ids) await ensemble.AwaitServingAsync(id);
        return ensemble;
    }

    /// <summary>An ensemble whose nodes are not started yet (see <see cref="Start"/>).</summary>
    public static TestEnsemble Create(int voters = 3, bool realElection = false, bool readOnlyMode = false) =>
        new(voters, 0, 100, 500, 100000, false, realElection) { _readOnlyMode = readOnlyMode };

    public void Start(long id)
    {
        var dataDir = Path.Combine(_root, $"node{id}", "version-2");
        var journal = new JournalSettings(dataDir, dataDir, Fsync: _fsync, SnapCount: _snapCount, SnapRetainCount: 3, PurgeInterval: TimeSpan.Zero);
        var tree = new TreeSettings(id, _tickMs, 2 * _tickMs, 600 * _tickMs, 1000, new PrepSettings(), journal);
        var isObserver = _servers.First(s => s.Id == id).Role == PeerRole.Observer;
        var ensemble = new EnsembleSettings(id, _servers, _tickMs, new ZabOptions(InitLimit: 10, SyncLimit: 5, CommitLogCount: _commitLogCount),
            0xFFFFF, e => _realElection ? ElectionWiring.Props(e) : StubElectionActor.Props(_board, id, isObserver))
        {
            Faults = Faults,
            ReadOnlyModeEnabled = _readOnlyMode,
        };
        var settings = new NodeSettings(id, tree, new IngressSettings("127.0.0.1", _clientPorts[id], 60),
            new SessionSettings(0xFFFFF, TimeSpan.FromSeconds(10), null),
            new FourLetterWordSettings(new HashSet<string> { "*" }, [new("clientPort", _clientPorts[id].ToString())], dataDir, dataDir))
        {
            Ensemble = ensemble,
        };
        var system = ActorSystem.Create($"node{id}", new ActorSystemSettings { LoggerFactory = Logs });
        var serving = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _systems[id] = system;
        _peers[id] = system.ActorOf(PeerActor.Props(settings, new ServerStats(), new ConnectionRegistry(), _ => { }, serving), "peer");
    }

    /// <summary>Stops the node's actor system: no journal shutdown beyond what stopping actors does.</summary>
    public async Task KillAsync(long id)
    {
        if (!_systems.Remove(id, out var system)) return;
        _peers.Remove(id);
        await system.Terminate().WaitAsync(Bound);
    }

    public async Task<PeerProtocol.Status> StatusAsync(long id) =>
        await _peers[id].Ask<PeerProtocol.Status>(new PeerProtocol.GetStatus(), TimeSpan.FromSeconds(5));

    public async Task AwaitServingAsync(long id) =>
        await Eventually.AssertAsync(async () => Assert.True((await StatusAsync(id)).Serving, $"node {id} is not serving"), Bound);

    public async Task<long> LeaderAsync()
    {
        long leader = 0;
        await Eventually.AssertAsync(async () =>
        {
            foreach (var id in _peers.Keys)
            {
                var status = await StatusAsync(id);
                if (status.Serving && status.Mode == "leader") { leader = id; return; }
            }
            Assert.Fail("no leader is serving");
        }, Bound);
        return leader;
    }

    public async Task<IReadOnlyList<long>> FollowersAsync()
    {
        var leader = await LeaderAsync();
        return _peers.Keys.Where(id => id != leader).Order().ToList();
    }

    public Task<ZkClient> ConnectAsync(long id, int sessionTimeoutMs = 30000) => ZkClient.ConnectAsync("127.0.0.1", _clientPorts[id], sessionTimeoutMs);

    public int ClientPort(long id) => _clientPorts[id];

    public int QuorumPort(long id) => _servers.First(s => s.Id == id).QuorumPort;

    /// <summary>The snapshot files (snapshot.&lt;zxid&gt;) in the node's version-2 directory.</summary>
    public IReadOnlyList<string> SnapshotFiles(long id)
    {
        var dir = Path.Combine(_root, $"node{id}", "version-2");
        return Directory.Exists(dir) ? Directory.GetFiles(dir, "snapshot.*").Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)).ToList() : [];
    }

    public string DataDir(long id) => Path.Combine(_root, $"node{id}", "version-2");

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _systems.Keys.ToList()) await KillAsync(id);
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
