using AkkaZk.Consensus;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus.Tests.Harness;

/// <summary>
/// Several servers on an in-memory network, driven step by step: deliver a message, tick, propose, fail.
/// Every effect goes to <see cref="Trace"/>; safety invariants are checked as effects happen.
/// </summary>
internal sealed partial class SimCluster
{
    public SimCluster(QuorumConfig config, ElectionOptions? election = null, ZabOptions? zab = null)
    {
        Config = config;
        ElectionOptions = election ?? new ElectionOptions(TickMillis: 100);
        ZabOptions = zab ?? new ZabOptions();
        foreach (var sid in config.Members) Nodes[sid] = new SimNode(sid);
    }

    public QuorumConfig Config { get; }
    public ElectionOptions ElectionOptions { get; }
    public ZabOptions ZabOptions { get; }
    public SortedDictionary<long, SimNode> Nodes { get; } = [];
    public SimNetwork Network { get; } = new();
    public List<string> Trace { get; } = [];

    /// <summary>Record deliveries and effects in <see cref="Trace"/> (off for long random runs).</summary>
    public bool Tracing { get; set; } = true;

    /// <summary>Every txn any serving server ever exposed: all committed, so none may ever be lost.</summary>
    public HashSet<ZabTxn> EverCommitted { get; } = [];

    /// <summary>Print sends as well as deliveries and effects.</summary>
    public bool TraceSends { get; set; } = true;

    /// <summary>Fault injection: crash a server just before it persists an action (the action and the rest are lost).</summary>
    public Func<SimNode, PersistAction, bool>? CrashBeforePersist { get; set; }

    /// <summary>epoch → the server that established it as leader.</summary>
    public Dictionary<long, long> LeaderOfEpoch { get; } = [];

    public SimNode this[long sid] => Nodes[sid];

    public void StartElection(long sid)
    {
        var node = Nodes[sid];
        var connecting = node.Election is null;
        node.Election ??= new ElectionCore(sid, Config, ElectionOptions, node.LastLoggedZxid, node.CurrentEpoch);
        HandleElection(node, node.Election.StartLooking(node.LastLoggedZxid, node.CurrentEpoch));
        if (!connecting) return;
        // A server coming up connects to its peers, whose send workers first re-send their last message to it.
        foreach (var ((from, to), message) in Network.LastElectionMessage.Where(kv => kv.Key.To == sid).OrderBy(kv => kv.Key).ToList())
            if (Nodes[from].Up && Nodes[from].Election is not null) Network.Send(message);
    }

    /// <summary>Delivers the next message on a link; false when there was none.</summary>
    public bool Deliver(long from, long to)
    {
        var message = Network.Take(from, to);
        if (message is null) return false;
        Receive(message);
        return true;
    }

    /// <summary>Delivers messages at the head of their connection that match, until none does.</summary>
    public int DeliverMatching(Func<SimMessage, bool> match)
    {
        var delivered = 0;
        while (Network.TakeMatching(match) is { } message)
        {
            Receive(message);
            delivered++;
        }
        return delivered;
    }

    private void Receive(SimMessage message)
    {
        var (from, node) = (message.From, Nodes[message.To]);
        if (!node.Up) return;
        Log(message.ToString());
        if (message.Notification is { } notification)
        {
            if (node.Election is { } election) HandleElection(node, election.Step(from, notification));
        }
        else if (message.Packet is { } packet)
            DeliverPacket(node, message, packet);
    }

    /// <summary>Delivers until no message is in flight (no time passes). Returns how many were delivered.</summary>
    public int DeliverAll(int limit = 100_000)
    {
        var delivered = 0;
        while (delivered < limit && Network.BusyLinks.FirstOrDefault() is { From: var from, To: var to } link && link != default)
        {
            if (Deliver(from, to)) delivered++;
        }
        return delivered;
    }

    public void Tick(long sid)
    {
        var node = Nodes[sid];
        if (!node.Up) return;
        if (node.Election is { } election) HandleElection(node, election.Tick());
        if (node.Leader is { } leader) HandleZab(node, leader.Tick());
        else if (node.Follower is { } follower) HandleZab(node, follower.Tick());
        else if (node.PendingLeader is not null) TryConnect(node);
    }

    public void TickAll()
    {
        foreach (var sid in Nodes.Keys) Tick(sid);
    }

    /// <summary>Ticks and delivers until <paramref name="done"/> holds; false if it never did within the budget.</summary>
    public bool RunUntil(Func<bool> done, int maxTicks = 2_000)
    {
        for (var i = 0; i < maxTicks; i++)
        {
            DeliverAll();
            if (done()) return true;
            TickAll();
        }
        DeliverAll();
        return done();
    }

    /// <summary>An established leader proposes one txn; null when it is not established.</summary>
    public ZabTxn? Propose(long sid, string? payload = null)
    {
        var node = Nodes[sid];
        if (node.Leader is not { IsEstablished: true, IsStopped: false } leader) return null;
        var txn = new ZabTxn(leader.NextZxid, System.Text.Encoding.UTF8.GetBytes(payload ?? $"{sid}:{ZxidUtils.ToHex(leader.NextZxid)}"));
        Log($"propose {sid} {txn}");
        HandleZab(node, leader.Propose(txn));
        return txn;
    }

    public SimNode? EstablishedLeader =>
        Nodes.Values.Where(n => n.Up && n.Leader is { IsEstablished: true, IsStopped: false }).OrderByDescending(n => n.Leader!.Epoch).FirstOrDefault();

    private void Log(string line)
    {
        if (Tracing) Trace.Add(line);
    }

    private void HandleElection(SimNode node, Ready<Notification> ready)
    {
        foreach (var send in ready.Send)
        {
            if (TraceSends) Log($"  {node.Id} > {send.To} {send.Message}");
            Network.Send(new SimMessage(node.Id, send.To, send.Message, null, 0));
        }
        if (ready.RoleChange is ElectionFinished finished)
        {
            Log($"  {node.Id}: {finished}");
            StartZab(node, finished);
        }
    }
}
