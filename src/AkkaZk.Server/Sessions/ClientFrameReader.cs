using System.Buffers.Binary;
using System.Net.Sockets;
using AkkaZk.Actors;
using AkkaZk.Jute;

namespace AkkaZk.Server.Sessions;

/// <summary>
/// Reads a client connection: the first frame is a four-letter word or a ConnectRequest, then request frames.
/// Complete frames are decoded in place (a partial frame waits for more bytes) and sent to the owning actor in
/// order; the reader stops at the first frame that ends the connection. Before each receive it waits while the
/// <see cref="ReadThrottle"/> holds the connection back.
/// </summary>
public sealed class ClientFrameReader(Socket socket, IActorRef owner, int maxFrameLength, ReadThrottle throttle)
{
    /// <summary>stmk is followed by the new trace mask, a big-endian long.</summary>
    private const int TraceMaskLength = 8;

    private byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;
    private bool _handshakeDone;
    private volatile bool _stopped;

    public void Stop() => _stopped = true;

    public async Task RunAsync()
    {
        try
        {
            while (!_stopped)
            {
                if (_start == _end) _start = _end = 0;
                if (_end == _buffer.Length) MakeRoom(0);
                if (_handshakeDone) await throttle.WaitAsync().ConfigureAwait(false);
                if (_stopped) return;
                var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None).ConfigureAwait(false);
                if (read == 0) { Send(new SessionProtocol.SocketClosed("client closed the connection")); return; }
                _end += read;
                if (!ProcessBuffered()) return;
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
            Send(new SessionProtocol.SocketClosed(ex.Message));
        }
    }

    /// <summary>Handles every complete frame; false when the connection must end.</summary>
    private bool ProcessBuffered()
    {
        while (_end - _start >= 4)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var first = BinaryPrimitives.ReadInt32BigEndian(span);
            if (!_handshakeDone && AkkaZk.Jute.FourLetterWords.TryGetWord(first, out var word))
            {
                if (word != "stmk")
                {
                    Send(new SessionProtocol.FourLetterWordReceived(word, null));
                    return false;
                }
                // As ZooKeeper's checkFourLetterWord: stmk reads 8 more bytes, the mask to set.
                if (span.Length < 4 + TraceMaskLength) return Wait(TraceMaskLength);
                Send(new SessionProtocol.FourLetterWordReceived(word, BinaryPrimitives.ReadInt64BigEndian(span[4..])));
                return false;
            }
            int offset, length;
            try
            {
                if (!Framing.TryReadFrame(span, maxFrameLength, out offset, out length)) return Wait(first);
            }
            catch (JuteException ex)
            {
                Send(new SessionProtocol.InputRejected(ex.Message));
                return false;
            }
            var payload = span.Slice(offset, length);
            _start += offset + length;
            var bytes = offset + length;
            if (!(_handshakeDone ? HandleRequest(payload, bytes) : HandleConnect(payload, bytes))) return false;
        }
        return true;
    }

    private bool Wait(int frameLength)
    {
        // A frame bigger than the space left: make room for all of it (bounded by the max frame length, already checked).
        if (frameLength + 4 > _buffer.Length - _start) MakeRoom(frameLength + 4);
        return true;
    }

    private bool HandleConnect(ReadOnlySpan<byte> payload, int bytes)
    {
        try
        {
            var request = ConnectRequest.Read(payload);
            _handshakeDone = true;
            Send(new SessionProtocol.ConnectReceived(request, bytes));
            return true;
        }
        catch (JuteException ex)
        {
            Send(new SessionProtocol.InputRejected($"malformed ConnectRequest: {ex.Message}"));
            return false;
        }
    }

    private bool HandleRequest(ReadOnlySpan<byte> payload, int bytes)
    {
        var now = Environment.TickCount64;
        if (payload.Length < 8)
        {
            Send(new SessionProtocol.InputRejected($"request frame of {payload.Length} bytes has no RequestHeader"));
            return false;
        }
        var reader = new JuteReader(payload);
        var header = RequestHeader.Read(ref reader);
        if (!RequestDecoder.IsKnownClientOpCode(header.Type))
        {
            Send(new SessionProtocol.RequestReceived(header.Xid, header.Type, null, RequestProblem.Unimplemented, null, now, bytes));
            return false;
        }
        try
        {
            var record = RequestDecoder.Decode(header.Type, ref reader);
            Send(new SessionProtocol.RequestReceived(header.Xid, header.Type, record, RequestProblem.None, null, now, bytes));
        }
        catch (JuteException ex) when (header.Type is OpCode.Auth or OpCode.Sasl)
        {
            // As ZooKeeper's processPacket: auth and sasl packets are read on the connection's thread, where a
            // malformed record is an IOException that closes the connection (no MarshallingError reply).
            Send(new SessionProtocol.InputRejected($"malformed {(header.Type == OpCode.Auth ? "auth" : "sasl")} packet: {ex.Message}"));
            return false;
        }
        catch (JuteException ex)
        {
            Send(new SessionProtocol.RequestReceived(header.Xid, header.Type, null, RequestProblem.Malformed, ex.Message, now, bytes));
        }
        return true;
    }

    /// <summary>Moves the unread bytes to the front, growing the buffer when they would not leave room for <paramref name="needed"/>.</summary>
    private void MakeRoom(int needed)
    {
        var pending = _end - _start;
        var target = _buffer;
        if (needed > _buffer.Length || (_start == 0 && pending == _buffer.Length))
            target = new byte[Math.Max(needed, pending + 4096)];
        Buffer.BlockCopy(_buffer, _start, target, 0, pending);
        _buffer = target;
        _start = 0;
        _end = pending;
    }

    private void Send(object message)
    {
        if (!_stopped) owner.Tell(message, null);
    }
}
