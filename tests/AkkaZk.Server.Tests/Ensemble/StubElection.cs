using AkkaZk.Actors;
using AkkaZk.Consensus;
using AkkaZk.Jute.Quorum;
using AkkaZk.Server.Ensemble;

namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>
/// A deterministic stand-in for fast leader election, shared by the nodes of one in-process ensemble: once a quorum
/// of live voters is looking, the one with the highest (currentEpoch, last zxid, id) leads — FLE's order — and
/// every other looking node follows (or observes) it while it lives and has not gone back to looking.
/// </summary>
public sealed class StubElectionBoard(IReadOnlySet<long> voters)
{
    private readonly object _lock = new();
    private readonly HashSet<long> _alive = [];
    private readonly Dictionary<long, (long Epoch, long Zxid)> _looking = [];
    private long? _leader;

    public void Register(long id)
    {
        lock (_lock) _alive.Add(id);
    }

    public void Unregister(long id)
    {
        lock (_lock)
        {
            _alive.Remove(id);
            _looking.Remove(id);
            if (_leader == id) _leader = null;
        }
    }

    public void StartLooking(long id, long zxid, long epoch)
    {
        lock (_lock)
        {
            _looking[id] = (epoch, zxid);
            if (_leader == id) _leader = null;
        }
    }

    public long? TryDecide(long id)
    {
        lock (_lock)
        {
            if (!_looking.ContainsKey(id)) return null;
            if (_leader is null)
            {
                var candidates = _looking.Where(l => voters.Contains(l.Key) && _alive.Contains(l.Key)).ToList();
                if (candidates.Count <= voters.Count / 2) return null;
                _leader = candidates.OrderBy(c => c.Value.Epoch).ThenBy(c => c.Value.Zxid).ThenBy(c => c.Key).Last().Key;
            }
            _looking.Remove(id);
            return _leader;
        }
    }
}

/// <summary>The election child the PeerActor talks to (ElectionProtocol), backed by a <see cref="StubElectionBoard"/>.</summary>
public sealed class StubElectionActor : ReceiveActor, IWithTimers
{
    private readonly StubElectionBoard _board;
    private readonly long _id;
    private readonly bool _isObserver;

    public StubElectionActor(StubElectionBoard board, long id, bool isObserver)
    {
        _board = board;
        _id = id;
        _isObserver = isObserver;
        Receive<ElectionProtocol.StartLooking>(m =>
        {
            _board.StartLooking(_id, m.LastLoggedZxid, m.CurrentEpoch);
            Timers.StartPeriodicTimer("poll", Poll.Instance, TimeSpan.FromMilliseconds(10));
        });
        Receive<Poll>(_ =>
        {
            if (_board.TryDecide(_id) is not { } leader) return;
            Timers.Cancel("poll");
            var state = leader == _id ? ServerState.Leading : _isObserver ? ServerState.Observing : ServerState.Following;
            Context.Parent.Tell(new ElectionProtocol.Decided(state, new Vote(leader, 0, 0, 0, state)), Self);
        });
        Receive<ElectionProtocol.EpochEstablished>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(StubElectionBoard board, long id, bool isObserver) =>
        Actors.Props.Create(() => new StubElectionActor(board, id, isObserver));

    protected override void PreStart() => _board.Register(_id);

    protected override void PostStop() => _board.Unregister(_id);

    private sealed class Poll
    {
        public static readonly Poll Instance = new();
    }
}
