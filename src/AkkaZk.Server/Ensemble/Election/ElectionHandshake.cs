using System.Net;
using System.Net.Sockets;
using AkkaZk.Actors;
using Remote = AkkaZk.Actors.Remote;
using AkkaZk.Jute;
using AkkaZk.Jute.Quorum;
using AkkaZk.Server.Network;

namespace AkkaZk.Server.Ensemble.Election;

/// <summary>
/// The socket work before a connection carries notifications (QuorumCnxManager): accepting and reading a peer's
/// initial message, and connecting to a peer and sending ours. Runs on I/O tasks and reports to the actor.
/// </summary>
internal static class ElectionHandshake
{
    /// <summary>QuorumCnxManager's socket timeout while reading the initial message.</summary>
    private static readonly TimeSpan InitialMessageTimeout = TimeSpan.FromSeconds(5);

    public static Socket Listen(string host, int port)
    {
        var address = Resolve(host);
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(address, port));
        listener.Listen(64);
        return listener;
    }

    public static Task AcceptLoop(Socket listener, IActorRef owner, Action<string> logRejected) =>
        Remote.AcceptLoop.RunAsync(listener, socket => _ = Task.Run(() => ReadInitialMessage(socket, owner, logRejected)));

    public static async Task Connect(long sid, string host, int port, ElectionInitialMessage initial, TimeSpan timeout, IActorRef owner)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var cts = new CancellationTokenSource(timeout);
            await socket.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
            socket.NoDelay = true;
            await socket.SendAsync(initial.ToBytes(), SocketFlags.None, cts.Token).ConfigureAwait(false);
            owner.Tell(new ElectionLinkMessages.OutboundConnected(sid, socket, null), null);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Dispose();
            owner.Tell(new ElectionLinkMessages.OutboundConnected(sid, null, ex.Message), null);
        }
    }

    private static async Task ReadInitialMessage(Socket socket, IActorRef owner, Action<string> logRejected)
    {
        var buffer = new byte[20 + ElectionInitialMessage.MaxAddressLength];
        var filled = 0;
        try
        {
            using var cts = new CancellationTokenSource(InitialMessageTimeout);
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, cts.Token).ConfigureAwait(false);
                if (read == 0) throw new JuteException("closed before the initial message was complete");
                filled += read;
                if (ElectionInitialMessage.TryRead(buffer.AsSpan(0, filled), out var initial, out var consumed))
                {
                    owner.Tell(new ElectionLinkMessages.InboundHandshake(socket, initial!, buffer.AsSpan(consumed, filled - consumed).ToArray()), null);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is JuteException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            logRejected($"election connection from {SocketPeer.Describe(socket)} refused: {ex.Message}");
            socket.Dispose();
        }
    }

    private static IPAddress Resolve(string host) =>
        IPAddress.TryParse(host, out var address) ? address : Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork);
}
