using System.Net.Sockets;
using AkkaZk.Actors;
using AkkaZk.Jute;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Server.Ensemble.Quorum;

/// <summary>
/// Reads the quorum port's unframed stream: QuorumPackets back to back (BinaryOutputArchive.writeRecord), a SNAP
/// followed by its snapshot stream. Complete packets go to the owner in order; a partial one waits for more bytes
/// (the parse rewinds). Every length is bounded by jute.maxbuffer; bad input ends the connection with its reason.
/// </summary>
public sealed class QuorumPacketReader(Socket socket, IActorRef owner, int maxFieldLength)
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private QuorumPacket? _snapPacket;
    private volatile bool _stopped;

    public void Stop() => _stopped = true;

    public async Task RunAsync()
    {
        try
        {
            while (!_stopped)
            {
                MakeRoom();
                var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None).ConfigureAwait(false);
                if (read == 0) { Send(new QuorumLink.Closed("the peer closed the connection")); return; }
                _end += read;
                Parse();
            }
        }
        catch (JuteException ex)
        {
            Send(new QuorumLink.Closed($"bad input refused: {ex.Message}", BadInput: true));
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
            Send(new QuorumLink.Closed(ex.Message));
        }
    }

    private void Parse()
    {
        while (_start < _end)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            if (_snapPacket is { } snap)
            {
                if (!SnapshotStream.TryMeasure(span, maxFieldLength, out var body, out var total)) return;
                Send(new QuorumLink.PacketReceived(snap, span[..body].ToArray()));
                _snapPacket = null;
                _start += total;
                continue;
            }
            if (!QuorumPacket.TryRead(span, out var packet, out var consumed, maxFieldLength)) return;
            _start += consumed;
            if (packet!.Type == QuorumPacketType.Snap) _snapPacket = packet;
            else Send(new QuorumLink.PacketReceived(packet, null));
        }
    }

    /// <summary>Moves unread bytes to the front; doubles the buffer when it is full of one unfinished packet.</summary>
    private void MakeRoom()
    {
        if (_start == _end) { _start = _end = 0; return; }
        if (_end < _buffer.Length) return;
        var unread = _buffer.AsSpan(_start, _end - _start);
        var grown = _start == 0 ? new byte[_buffer.Length * 2] : _buffer;
        unread.CopyTo(grown);
        (_buffer, _end, _start) = (grown, unread.Length, 0);
    }

    /// <summary>Nothing reaches the owner once it has stopped the reader (its socket is closing).</summary>
    private void Send(object message)
    {
        if (_stopped) return;
        owner.Tell(message, null);
    }
}
