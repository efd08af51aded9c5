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

    /// <summary>Clamps a requested timeout into [min, max], as ZooKeeper's processConnectRequest.</summary>
    public int NegotiateTimeout(int requested) => Math.Clamp(requested, MinSessionTimeoutMs, MaxSessionTimeoutMs);
}
