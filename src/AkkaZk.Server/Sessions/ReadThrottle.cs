using AkkaZk.Server.Stats;

namespace AkkaZk.Server.Sessions;

/// <summary>
/// globalOutstandingLimit back-pressure, as ZooKeeper's shouldThrottle: while the server has more requests in
/// process than the limit, a connection that has requests of its own outstanding stops reading until the server
/// count drops to the limit or its own requests are all answered. Nothing is visible on the wire.
/// </summary>
public sealed class ReadThrottle(CountGate serverOutstanding, ConnectionInfo connection)
{
    private bool MustWait => serverOutstanding.IsAboveThreshold && connection.Outstanding.Count > 0;

    /// <summary>Completes when the connection may read again (at once when it is not throttled).</summary>
    public async ValueTask WaitAsync()
    {
        if (!MustWait) return;
        connection.ReadSuspended = true;
        try
        {
            // Not an actor: the reader's own loop, so no context to keep.
            while (MustWait)
                await Task.WhenAny(serverOutstanding.WhenAtOrBelowThreshold(), connection.Outstanding.WhenAtOrBelowThreshold()).ConfigureAwait(false);
        }
        finally
        {
            connection.ReadSuspended = false;
        }
    }
}
