using AkkaZk.Server.Ensemble;
using AkkaZk.Server.FourLetterWords;
using AkkaZk.Server.Network;
using AkkaZk.Server.Sessions;
using AkkaZk.Server.Tree;

namespace AkkaZk.Server.Peer;

/// <summary>Everything one node needs, one typed record per component.</summary>
public sealed record NodeSettings(long ServerId, TreeSettings Tree, IngressSettings Ingress, SessionSettings Session,
    FourLetterWordSettings FourLetterWords)
{
    /// <summary>Null for a standalone server; otherwise the ensemble this node is a member of.</summary>
    public EnsembleSettings? Ensemble { get; init; }

    /// <summary>The AdminServer and Prometheus endpoint; null when neither runs (tests).</summary>
    public Admin.AdminServerSettings? AdminServer { get; init; }
}
