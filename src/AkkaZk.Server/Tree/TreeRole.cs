namespace AkkaZk.Server.Tree;

/// <summary>What the tree does with writes: journal them (standalone), propose them (leader), forward them (learner).</summary>
public enum TreeRole
{
    Standalone,
    /// <summary>Ensemble, no established role: no clients; applies what the role in sync hands over.</summary>
    Looking,
    Leading,
    /// <summary>A follower or an observer.</summary>
    Following,
    /// <summary>
    /// Ensemble, no quorum, readonlymode.enabled: serves reads to clients that asked for read-only, with
    /// sessions local to this node; writes answer NotReadOnly.
    /// </summary>
    ReadOnly,
}
