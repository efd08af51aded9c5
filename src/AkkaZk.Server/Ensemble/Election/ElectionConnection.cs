using System.Net.Sockets;
using AkkaZk.Actors;
using AkkaZk.Jute;
using AkkaZk.Jute.Quorum;
using AkkaZk.Server.Network;

namespace AkkaZk.Server.Ensemble.Election;

/// <summary>
/// One election-port connection to a peer whose sid is known (the handshake is done): a read loop that cuts
/// int-length frames and tells the owner each notification, and an ordered, synchronous writer (notifications are
/// small; a send that blocks past the timeout means the peer is gone, and the connection is closed).
/// </summary>
internal sealed class ElectionConnection : IDisposable
{
    private static long _nextId;
    private readonly Socket _socket;
    private readonly JuteWriter _writer = new(128);
    private int _disposed;

    public ElectionConnection(long sid, Socket socket)
    {
        Sid = sid;
        _socket = socket;
        _socket.NoDelay = true;
        _socket.SendTimeout = 5000;
        Id = Interlocked.Increment(ref _nextId);
    }

    public long Sid { get; }

    /// <summary>Tells this connection's messages apart from those of an earlier one to the same peer.</summary>
    public long Id { get; }

    public string Remote => SocketPeer.Describe(_socket);

    /// <summary>Starts reading; <paramref name="leftover"/> are bytes already read past the initial message.</summary>
    public void StartReading(IActorRef owner, byte[] leftover) => _ = Task.Run(() => ReadLoop(owner, leftover));

    /// <summary>Writes one framed notification; false when the connection failed (it is then closed).</summary>
    public bool TrySend(Notification notification)
    {
        try
        {
            _writer.Reset();
            ElectionFraming.WriteFrame(_writer, notification.ToBytes());
            _socket.Send(_writer.WrittenSpan);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            Dispose();
            return false;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // already gone
        }
        _socket.Dispose();
    }

    private async Task ReadLoop(IActorRef owner, byte[] leftover)
    {
        var buffer = new byte[Math.Max(4096, leftover.Length)];
        leftover.CopyTo(buffer, 0);
        var filled = leftover.Length;
        string? reason = null;
        try
        {
            while (true)
            {
                var consumed = 0;
                while (ElectionFraming.TryReadFrame(buffer.AsSpan(consumed, filled - consumed), out var offset, out var length))
                {
                    var payload = buffer.AsSpan(consumed + offset, length);
                    if (Notification.TryDecode(payload, out var notification))
                        owner.Tell(new ElectionLinkMessages.NotificationReceived(Sid, Id, notification!), null);
                    // As FastLeaderElection's receiver: a payload it cannot decode is dropped, the connection kept.
                    consumed += offset + length;
                }
                if (consumed > 0)
                {
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                }
                if (filled == buffer.Length) Array.Resize(ref buffer, Math.Min(buffer.Length * 2, ElectionFraming.MaxMessageLength + 4));
                var read = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None).ConfigureAwait(false);
                if (read == 0) break;
                filled += read;
            }
        }
        catch (JuteException ex)
        {
            reason = ex.Message;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // closed by either side
        }
        Dispose();
        owner.Tell(new ElectionLinkMessages.ConnectionClosed(Sid, Id, reason), null);
    }
}
