namespace AkkaZk.Consensus.Tests.Harness;

/// <summary>A safety property of the ensemble was broken.</summary>
internal sealed class InvariantViolation(string message) : Exception(message);
