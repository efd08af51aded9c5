using Microsoft.Extensions.Logging;

namespace AkkaZk.Actors;

/// <param name="LoggerFactory">Where actors and the kernel log; none by default.</param>
/// <param name="Throughput">How many messages an actor processes per turn before yielding its thread.</param>
/// <param name="TimeProvider">The clock behind timers, the scheduler and Ask timeouts; the system clock by default.</param>
public sealed record ActorSystemSettings(
    ILoggerFactory? LoggerFactory = null,
    int Throughput = 100,
    TimeProvider? TimeProvider = null);
