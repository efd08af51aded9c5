using AkkaZk.Bench.Load;
using AkkaZk.Bench.Net;

namespace AkkaZk.Bench.Workloads;

/// <summary>Where and how to run a workload, and the bounds on its setup and cleanup.</summary>
public sealed record ExecutionSettings(
    Target Target,
    int Sessions,
    int SessionTimeoutMs,
    LoadSettings Load,
    int? ServerPid,
    bool Cleanup,
    TimeSpan PrepareTimeout,
    TimeSpan CleanupTimeout);
