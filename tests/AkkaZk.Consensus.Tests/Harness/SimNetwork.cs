namespace AkkaZk.Consensus.Tests.Harness;

/// <summary>
/// In-memory links: FIFO per ordered pair (as TCP), a partition drops what crosses it, and quorum connections are
/// closed when cut. Which link delivers next is the caller's (script) or the seeded random's choice.
/// </summary>
internal sealed class SimNetwork
{
    // Election and quorum traffic travel on separate connections, each FIFO.
    private readonly Dictionary<(long From, long To, bool Quorum), Queue<(long Seq, SimMessage Message)>> _links = [];
    private long _seq;
    private readonly Dictionary<long, int> _group = [];
    private long _nextConnection = 1;

    /// <summary>The last election message each server sent each peer (QuorumCnxManager re-sends it on connect).</summary>
    public Dictionary<(long From, long To), SimMessage> LastElectionMessage { get; } = [];

    /// <summary>Live quorum connections: id → (leader, learner).</summary>
    public Dictionary<long, (long Leader, long Learner)> Connections { get; } = [];

    public bool CanReach(long a, long b) =>
        !_group.TryGetValue(a, out var ga) || !_group.TryGetValue(b, out var gb) || ga == gb;

    public void Send(SimMessage message)
    {
        if (message.Connection == 0) LastElectionMessage[(message.From, message.To)] = message;
        if (!CanReach(message.From, message.To)) return;
        if (message.Connection != 0 && !Connections.ContainsKey(message.Connection)) return;
        var key = (message.From, message.To, message.Connection != 0);
        if (!_links.TryGetValue(key, out var queue)) _links[key] = queue = new Queue<(long, SimMessage)>();
        queue.Enqueue((++_seq, message));
    }

    public IEnumerable<(long From, long To)> BusyLinks =>
        _links.Where(kv => kv.Value.Count > 0).Select(kv => (kv.Key.From, kv.Key.To)).Distinct().OrderBy(k => k);

    public int InFlight => _links.Values.Sum(q => q.Count);

    /// <summary>The oldest deliverable message from one server to another (either connection); null when none.</summary>
    public SimMessage? Take(long from, long to)
    {
        var election = Head(from, to, false);
        var quorum = Head(from, to, true);
        if (election is null && quorum is null) return null;
        var useQuorum = election is null || (quorum is not null && quorum.Value.Seq < election.Value.Seq);
        return _links[(from, to, useQuorum)].Dequeue().Message;
    }

    /// <summary>Takes the first message, in link order, that is at the head of its connection and matches.</summary>
    public SimMessage? TakeMatching(Func<SimMessage, bool> match)
    {
        foreach (var key in _links.Keys.OrderBy(k => k).ToList())
            if (Head(key.From, key.To, key.Quorum) is { } head && match(head.Message))
                return _links[key].Dequeue().Message;
        return null;
    }

    private (long Seq, SimMessage Message)? Head(long from, long to, bool quorum)
    {
        if (!_links.TryGetValue((from, to, quorum), out var queue)) return null;
        while (queue.Count > 0)
        {
            var head = queue.Peek();
            if (head.Message.Connection == 0 || Connections.ContainsKey(head.Message.Connection)) return head;
            queue.Dequeue(); // its connection closed: lost
        }
        return null;
    }

    public long Open(long leader, long learner)
    {
        var id = _nextConnection++;
        Connections[id] = (leader, learner);
        return id;
    }

    /// <summary>Closes a connection; its messages still queued are dropped on delivery.</summary>
    public bool Close(long id) => Connections.Remove(id);

    public void DropAllFrom(long sid)
    {
        foreach (var (key, queue) in _links)
            if (key.From == sid || key.To == sid) queue.Clear();
    }

    /// <summary>Splits the nodes into groups; messages queued across groups are lost.</summary>
    public void Partition(IReadOnlyList<IReadOnlyList<long>> groups)
    {
        _group.Clear();
        for (var i = 0; i < groups.Count; i++)
            foreach (var sid in groups[i]) _group[sid] = i;
        foreach (var (key, queue) in _links)
            if (!CanReach(key.From, key.To)) queue.Clear();
    }

    public void Heal() => _group.Clear();
}
