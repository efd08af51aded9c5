using AkkaZk.Bench.Load;
using AkkaZk.Bench.Net;

namespace AkkaZk.Bench.Workloads;

/// <summary>Opens the sessions, prepares, measures, cleans up (bounded) and closes the sessions.</summary>
public static class WorkloadExecution
{
    /// <summary><paramref name="afterMeasure"/> runs between the measured window and cleanup (e.g. to sample memory).</summary>
    public static async Task<ExecutionReport> RunAsync(IWorkload workload, ExecutionSettings settings, TextWriter log,
        Func<Task>? afterMeasure = null)
    {
        var connections = await SessionPool.OpenAsync(settings.Target, settings.Sessions, settings.SessionTimeoutMs).ConfigureAwait(false);
        try
        {
            log.WriteLine($"prepare {workload.Root}");
            var prepare = await PhaseRunner.RunAsync(connections, workload.Prepare(settings.Sessions), settings.Load.Outstanding,
                settings.PrepareTimeout, log).ConfigureAwait(false);
            if (prepare.Any(p => !p.Finished || p.ErrorCount > 0))
            {
                await PhaseRunner.RunAsync(connections, workload.Cleanup(settings.Sessions), settings.Load.Outstanding,
                    settings.CleanupTimeout, log).ConfigureAwait(false);
                throw new InvalidOperationException("prepare failed: " + string.Join(", ",
                    prepare.Select(p => $"{p.Name} {p.ErrorCount} errors ({string.Join(" ", p.Errors.Keys)}){(p.Finished ? "" : " unfinished")}")));
            }

            log.WriteLine($"measure: warm-up {settings.Load.Warmup.TotalSeconds}s, window {settings.Load.Duration.TotalSeconds}s");
            var sources = Enumerable.Range(0, settings.Sessions).Select(workload.Source).ToList();
            var result = await LoadRunner.RunAsync(connections, sources, settings.Load, settings.ServerPid).ConfigureAwait(false);

            if (afterMeasure is not null) await afterMeasure().ConfigureAwait(false);
            IReadOnlyList<PhaseReport> cleanup = [];
            if (settings.Cleanup)
            {
                if (!result.Drained)
                {
                    // Replies still owed on these sessions would be matched to cleanup requests: start afresh.
                    await SessionPool.CloseAsync(connections).ConfigureAwait(false);
                    connections = await SessionPool.OpenAsync(settings.Target, settings.Sessions, settings.SessionTimeoutMs).ConfigureAwait(false);
                }
                log.WriteLine("cleanup");
                cleanup = await PhaseRunner.RunAsync(connections, workload.Cleanup(settings.Sessions), settings.Load.Outstanding,
                    settings.CleanupTimeout, log).ConfigureAwait(false);
            }
            return new ExecutionReport(prepare, result, cleanup);
        }
        finally
        {
            await SessionPool.CloseAsync(connections).ConfigureAwait(false);
        }
    }
}
