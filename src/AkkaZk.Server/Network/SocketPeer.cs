using System.Net;
using System.Net.Sockets;

namespace AkkaZk.Server.Network;

/// <summary>
/// The remote end of a socket, for logs and connection accounting. Socket.RemoteEndPoint asks the kernel
/// (getpeername) and throws once the peer has reset the connection (ENOTCONN), which a peer that accepts and
/// closes at once — or a partition — makes happen between connect and first use; here that is just an unknown
/// remote, never an exception.
/// </summary>
public static class SocketPeer
{
    public static IPEndPoint? Remote(Socket socket)
    {
        try
        {
            return socket.RemoteEndPoint as IPEndPoint;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>"address:port" as ZooKeeper logs it, IPv4-mapped addresses as IPv4; "?" when unknown.</summary>
    public static string Describe(Socket socket) => Remote(socket) is { } remote ? $"{Address(remote)}:{remote.Port}" : "?";

    /// <summary>The remote address with an IPv4-mapped one as IPv4, or null when unknown.</summary>
    public static string? Address(Socket socket) => Remote(socket) is { } remote ? Address(remote) : null;

    private static string Address(IPEndPoint remote) =>
        remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4().ToString() : remote.Address.ToString();
}
