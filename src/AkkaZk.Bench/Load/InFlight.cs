namespace AkkaZk.Bench.Load;

/// <summary>A request awaiting its reply: when it was (meant to be) sent and what it was.</summary>
public readonly record struct InFlight(long StartTicks, int OpCode);
