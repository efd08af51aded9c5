using System.Net.Sockets;

namespace AkkaZk.Actors.Remote;

/// <summary>Accepts connections on a listening socket until it is closed, handing each one over.</summary>
public static class AcceptLoop
{
    public static async Task RunAsync(Socket listener, Action<Socket> accepted)
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }
            accepted(socket);
        }
    }
}
