using AkkaZk.DataTree;

namespace AkkaZk.Server.Tree;

/// <summary>The tree's settings: session limits (ZooKeeper's min/max session timeout), prep options, journal, container manager.</summary>
public sealed record TreeSettings(long ServerId, int TickMs, int MinSessionTimeoutMs, int MaxSessionTimeoutMs,
    int JournalBatchMax, PrepSettings Prep, JournalSettings Journal)
{
    public ContainerSettings Containers { get; init; } = ContainerSettings.Default;

    /// <summary>zookeeper.digest.enabled: keep the tree digest, put it on proposals and check a leader's.</summary>
    public bool DigestEnabled { get; init; } = true;

    /// <summary>A member of a replicated ensemble: txns go through ZAB (the role actors) instead of straight to the journal.</summary>
    public bool Ensemble { get; init; }

    /// <summary>reconfigEnabled: reconfig (16) is served (by an ensemble's leader) instead of answered ReconfigDisabled.</summary>
    public bool ReconfigEnabled { get; init; }

    /// <summary>zookeeper.skipACL=yes: as ZooKeeper 3.8 honours it for reconfig, the WRITE check on /zookeeper/config is skipped.</summary>
    public bool SkipAcl { get; init; }

    /// <summary>standaloneEnabled: a reconfig must leave at least 2 voters (1 when false).</summary>
    public bool StandaloneEnabled { get; init; } = true;

    /// <summary>Clamps a requested timeout into [min, max], as ZooKeeper's processConnectRequest.</summary>
    public int NegotiateTimeout(int requested) => Math.Clamp(requested, MinSessionTimeoutMs, MaxSessionTimeoutMs);
}
