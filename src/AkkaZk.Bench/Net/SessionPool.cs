namespace AkkaZk.Bench.Net;

/// <summary>Opens and closes a set of pipelined sessions together.</summary>
public static class SessionPool
{
    public static async Task<IReadOnlyList<PipelinedConnection>> OpenAsync(Target target, int count, int sessionTimeoutMs)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var tasks = Enumerable.Range(0, count).Select(i => PipelinedConnection.OpenAsync(target.ForSession(i), sessionTimeoutMs, timeout.Token)).ToList();
        try
        {
            return await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch
        {
            foreach (var task in tasks.Where(t => t.IsCompletedSuccessfully)) await task.Result.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Ends every session (closeSession), each bounded to a few seconds.</summary>
    public static Task CloseAsync(IEnumerable<PipelinedConnection> connections) =>
        Task.WhenAll(connections.Select(c => c.CloseSessionAsync(TimeSpan.FromSeconds(5))));
}
