using System.Net;
using System.Net.Sockets;

namespace AkkaZk.Server.Tests.Support;

/// <summary>Free loopback ports for nodes a test starts.</summary>
internal static class LoopbackPorts
{
    /// <summary>
    /// Distinct free ports outside <paramref name="taken"/>. Every listener stays open until all are chosen: a port
    /// closed at once may be handed out again, and a server line with equal quorum and election ports is refused.
    /// </summary>
    public static int[] Free(int count, IEnumerable<int>? taken = null)
    {
        var avoid = new HashSet<int>(taken ?? []);
        var listeners = new List<TcpListener>();
        try
        {
            var ports = new List<int>();
            while (ports.Count < count)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listeners.Add(listener);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (!avoid.Contains(port)) ports.Add(port);
            }
            return [.. ports];
        }
        finally
        {
            foreach (var listener in listeners) listener.Stop();
        }
    }
}
