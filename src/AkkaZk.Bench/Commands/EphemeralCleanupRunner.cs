using System.Diagnostics;
using AkkaZk.Bench.Load;
using AkkaZk.Bench.Net;
using AkkaZk.Client;
using AkkaZk.Jute;

namespace AkkaZk.Bench.Commands;

/// <summary>
/// Opens N sessions that each create one ephemeral under <c>parent</c>, ends them all at once, and polls the
/// parent's children from another session until none are left (or the bound passes).
/// </summary>
public static class EphemeralCleanupRunner
{
    public static async Task<EphemeralCleanup> RunAsync(Target target, ZkClient observer, string parent, int count, bool expire,
        int sessionTimeoutMs, int concurrency)
    {
        var clients = new ZkClient[count];
        var opening = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(concurrency))
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                await gate.WaitAsync().ConfigureAwait(false);
                try
                {
                    clients[i] = await ZkClient.ConnectAsync(target.Host, target.Port, sessionTimeoutMs).ConfigureAwait(false);
                    await clients[i].CreateAsync($"{parent}/e{i}", null, CreateMode.Ephemeral).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);
        }
        var openSeconds = opening.Elapsed.TotalSeconds;
        var negotiated = clients[0].NegotiatedTimeout;

        var ending = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(c => expire ? c.DisposeAsync().AsTask() : c.CloseSessionAsync())).ConfigureAwait(false);
        var endSeconds = ending.Elapsed.TotalSeconds;

        var bound = TimeSpan.FromMilliseconds(negotiated) + TimeSpan.FromSeconds(30);
        var remaining = count;
        while (ending.Elapsed < bound)
        {
            remaining = (await observer.GetChildrenAsync(parent).ConfigureAwait(false)).Count;
            if (remaining == 0) break;
            await Task.Delay(10).ConfigureAwait(false);
        }
        return new EphemeralCleanup(count, expire ? "expire" : "close", negotiated, Math.Round(openSeconds, 3),
            Math.Round(endSeconds, 3), Math.Round(ending.Elapsed.TotalSeconds, 3), remaining);
    }
}
