namespace AkkaZk.Consensus;

/// <summary>The two persisted epochs (version-2/acceptedEpoch and currentEpoch) a ZAB role starts from.</summary>
public sealed record EpochState(long AcceptedEpoch, long CurrentEpoch);
