using System.Net.Sockets;
using AkkaZk.Jute;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Server.Ensemble.Quorum;

/// <summary>
/// The writing half of a quorum connection, owned by one actor: packets are encoded into one buffer and written
/// with one blocking send (the owner's mailbox is the connection's FIFO queue). Write failures surface as
/// <see cref="IOException"/>/<see cref="SocketException"/> to the owner.
/// </summary>
public sealed class QuorumSocket(Socket socket) : IDisposable
{
    private readonly JuteWriter _out = new(64 * 1024);

    public Socket Socket => socket;

    public void Add(QuorumPacket packet) => packet.Write(_out);

    /// <summary>A SNAP packet followed by the snapshot stream and its signature.</summary>
    public void AddSnapshot(QuorumPacket snap, ReadOnlySpan<byte> body)
    {
        snap.Write(_out);
        SnapshotStream.Write(_out, body);
    }

    public void Flush()
    {
        if (_out.Length == 0) return;
        var span = _out.WrittenSpan;
        while (span.Length > 0) span = span[socket.Send(span)..];
        _out.Reset();
    }

    public void Dispose()
    {
        try { socket.Shutdown(SocketShutdown.Both); } catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { }
        socket.Dispose();
    }
}
