using AkkaZk.Bench.Load;
using AkkaZk.Bench.Net;

namespace AkkaZk.Bench.Workloads;

/// <summary>Runs setup or cleanup steps one after another, pipelined, within one overall time bound.</summary>
public static class PhaseRunner
{
    public static async Task<IReadOnlyList<PhaseReport>> RunAsync(
        IReadOnlyList<PipelinedConnection> connections, IReadOnlyList<BulkPhase> phases, int outstanding, TimeSpan timeout, TextWriter log)
    {
        var deadline = DateTime.UtcNow + timeout;
        var reports = new List<PhaseReport>();
        foreach (var phase in phases)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                reports.Add(new PhaseReport(phase.Name, 0, 0, new Dictionary<string, long>(), 0, false));
                continue;
            }
            var result = await LoadRunner.RunAsync(connections, phase.Sources, LoadSettings.Bulk(outstanding, remaining), null).ConfigureAwait(false);
            var report = new PhaseReport(phase.Name, result.Ops, result.ErrorCount, result.Errors, result.WindowSeconds, result.Exhausted && result.Drained);
            log.WriteLine($"  {phase.Name}: {report.Ops} ok, {report.ErrorCount} failed, {report.Seconds:0.00}s{(report.Finished ? "" : " (time bound reached)")}");
            reports.Add(report);
            if (!result.Drained) break;
        }
        return reports;
    }
}
