using System.Net;
using System.Net.Sockets;
using AkkaZk.Actors;

namespace AkkaZk.Server.Ensemble.Zab;

/// <summary>The leader's quorum port: accepts learner connections and hands each socket to the owner.</summary>
public sealed class QuorumListener : IDisposable
{
    private readonly Socket _socket;

    public QuorumListener(string host, int port, IActorRef owner)
    {
        var address = IPAddress.TryParse(host, out var parsed) ? parsed : IPAddress.Any;
        _socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _socket.Bind(new IPEndPoint(address, port));
        _socket.Listen(64);
        _ = Task.Run(() => AcceptLoop(owner));
    }

    private async Task AcceptLoop(IActorRef owner)
    {
        while (true)
        {
            try
            {
                owner.Tell(new Accepted(await _socket.AcceptAsync().ConfigureAwait(false)), null);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    public void Dispose() => _socket.Dispose();

    public sealed record Accepted(Socket Socket);
}
