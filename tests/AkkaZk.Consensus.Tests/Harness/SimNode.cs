using AkkaZk.Consensus;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus.Tests.Harness;

/// <summary>One simulated server: its durable state (epochs, log, snapshot), its state machine and its cores.</summary>
internal sealed class SimNode(long id)
{
    public long Id { get; } = id;
    public bool Up { get; set; } = true;

    public long AcceptedEpoch { get; set; }
    public long CurrentEpoch { get; set; }
    public List<ZabTxn> Log { get; } = [];
    public List<ZabTxn> Snapshot { get; set; } = [];

    /// <summary>The state machine: every txn applied, in order.</summary>
    public List<ZabTxn> Applied { get; set; } = [];

    /// <summary>The state machine as last seen while serving: only committed txns.</summary>
    public List<ZabTxn> Committed { get; set; } = [];

    public ElectionCore? Election { get; set; }
    public LeaderCore? Leader { get; set; }
    public FollowerCore? Follower { get; set; }
    public long FollowerConnection { get; set; }
    public Dictionary<long, long> LearnerConnections { get; } = [];
    public long? PendingLeader { get; set; }
    public int ConnectWait { get; set; }

    public long SnapshotZxid => Snapshot.Count > 0 ? Snapshot[^1].Zxid : 0;

    /// <summary>ZooKeeper's lastLoggedZxid after start-up replay: the newest of snapshot and log.</summary>
    public long LastLoggedZxid => Math.Max(SnapshotZxid, Log.Count > 0 ? Log[^1].Zxid : 0);

    public long AppliedZxid => Applied.Count > 0 ? Applied[^1].Zxid : 0;

    public ZabLog ZabLog() => new(SnapshotZxid, [.. Log.Where(t => t.Zxid > SnapshotZxid)], AppliedZxid);

    public string Role =>
        !Up ? "DOWN"
        : Leader is { } l ? (l.IsEstablished ? "LEADING" : "LEADING(sync)")
        : Follower is { } f ? (f.IsObserver ? "OBSERVING" : "FOLLOWING") + (f.IsEstablished ? "" : "(sync)")
        : PendingLeader is not null ? "CONNECTING"
        : "LOOKING";

    public string Describe() =>
        $"{Id}: {Role} accepted={AcceptedEpoch} current={CurrentEpoch} logged={ZxidUtils.ToHex(LastLoggedZxid)} applied={ZxidUtils.ToHex(AppliedZxid)}" +
        (Election is { } e ? $" round={e.LogicalClock}" : "");
}
