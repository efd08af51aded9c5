using System.Net;
using System.Net.Sockets;
using AkkaZk.Server.Network;

namespace AkkaZk.Server.Tests.Network;

/// <summary>
/// A connection the peer resets right after connecting (a partition proxy refusing it, a peer dying between accept and
/// read) makes Socket.RemoteEndPoint throw; that used to stop a node's election as it logged the new connection.
/// </summary>
public sealed class SocketPeerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_connection_reset_by_the_peer_has_an_unknown_remote_instead_of_throwing()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var cancel = new CancellationTokenSource(Bound);
        // Connected as the election and quorum links connect: by host name and port, dual-mode.
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", ((IPEndPoint)listener.LocalEndPoint!).Port, cancel.Token);
        using (var accepted = await listener.AcceptAsync(cancel.Token))
        {
            accepted.LingerState = new LingerOption(true, 0);
            accepted.Close();
        }
        // The reset has arrived (the socket reads as ready) but no operation on the socket has seen it yet.
        Assert.True(socket.Poll(Bound, SelectMode.SelectRead));

        Assert.Throws<SocketException>(() => socket.RemoteEndPoint);
        Assert.Null(SocketPeer.Remote(socket));
        Assert.Null(SocketPeer.Address(socket));
        Assert.Equal("?", SocketPeer.Describe(socket));
    }

    [Fact]
    public async Task A_connected_socket_is_described_as_zookeeper_logs_it()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", port);
        using var accepted = await listener.AcceptAsync();

        Assert.Equal($"127.0.0.1:{port}", SocketPeer.Describe(socket));
        Assert.Equal("127.0.0.1", SocketPeer.Address(socket));
    }
}
