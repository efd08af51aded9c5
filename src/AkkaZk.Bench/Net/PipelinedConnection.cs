using System.Buffers.Binary;
using System.Net.Sockets;
using AkkaZk.Jute;

namespace AkkaZk.Bench.Net;

/// <summary>
/// One ZooKeeper session on one socket, built for load generation. Requests are serialised into one buffer and
/// written with one send per batch; replies are parsed in place from a receive buffer and handed to the current
/// <see cref="Sink"/> without decoding their bodies. Unlike AkkaZk.Client.ZkClient there is no lock, task, frame
/// array or decoded record per request, so the generator leaves the CPU to the server.
/// All socket I/O is blocking and the receive loop has a thread of its own: the thread pool's wake-ups and spinning
/// cost several times the CPU per request of a blocking recv, which matters on a small machine shared with the server.
/// Threading: the caller guarantees one writer at a time (Enqueue/Flush); the receive loop is the only reader.
/// </summary>
public sealed class PipelinedConnection : IAsyncDisposable
{
    private const int MaxFrameLength = 64 * 1024 * 1024;

    private readonly Socket _socket;
    private readonly JuteWriter _out = new(64 * 1024);
    private byte[] _in = new byte[256 * 1024];
    private volatile IReplySink _sink = NullSink.Instance;
    private int _xid;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PipelinedConnection(Socket socket, long sessionId, int negotiatedTimeoutMs)
    {
        _socket = socket;
        SessionId = sessionId;
        NegotiatedTimeoutMs = negotiatedTimeoutMs;
    }

    public long SessionId { get; }
    public int NegotiatedTimeoutMs { get; }

    /// <summary>Where replies go; swap only while no request is in flight.</summary>
    public IReplySink Sink
    {
        get => _sink;
        set => _sink = value;
    }

    /// <summary>Completes when the receive loop ends (the server closed the connection, or it was disposed).</summary>
    public Task Completion => _completion.Task;

    public static Task<PipelinedConnection> OpenAsync(Target target, int sessionTimeoutMs, CancellationToken cancellationToken) =>
        Task.Run(() => Open(target, sessionTimeoutMs), cancellationToken);

    private static PipelinedConnection Open(Target target, int sessionTimeoutMs)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 30_000, SendTimeout = 30_000 };
        try
        {
            socket.Connect(target.Host, target.Port);
            var writer = new JuteWriter();
            RequestWriter.WriteConnectRequest(writer, new ConnectRequest(0, 0, sessionTimeoutMs, 0, new byte[16], false));
            SendAll(socket, writer.WrittenSpan);
            var response = ConnectResponse.Read(ReadFrame(socket));
            if (response.TimeOut <= 0) throw new IOException("the server refused the session");
            socket.ReceiveTimeout = 0;
            var connection = new PipelinedConnection(socket, response.SessionId, response.TimeOut);
            new Thread(connection.ReceiveLoop) { IsBackground = true, Name = $"zk-recv-{response.SessionId:x}" }.Start();
            return connection;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Serialises a request into the send buffer; <see cref="Flush"/> sends it.</summary>
    public void Enqueue(in Op op) =>
        RequestWriter.WriteRequest(_out, new RequestHeader(++_xid, op.OpCode), op.Record);

    /// <summary>Sends everything enqueued so far in one write (blocking until the kernel took it).</summary>
    public void Flush()
    {
        if (_out.Length == 0) return;
        SendAll(_socket, _out.WrittenSpan);
        _out.Reset();
    }

    /// <summary>Sends closeSession and waits (bounded) for the server to answer and close the connection.</summary>
    public async Task CloseSessionAsync(TimeSpan timeout)
    {
        Sink = NullSink.Instance;
        try
        {
            Enqueue(new Op(OpCode.CloseSession, null));
            Flush();
            await _completion.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or TimeoutException)
        {
        }
        await DisposeAsync().ConfigureAwait(false);
    }

    private void ReceiveLoop()
    {
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == _in.Length) Array.Resize(ref _in, _in.Length * 2);
                var read = _socket.Receive(_in, filled, _in.Length - filled, SocketFlags.None);
                if (read == 0) return;
                filled += read;
                var consumed = Dispatch(_in.AsSpan(0, filled));
                _in.AsSpan(consumed, filled - consumed).CopyTo(_in);
                filled -= consumed;
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or JuteException or IOException)
        {
        }
        finally
        {
            _sink.OnClosed();
            _completion.TrySetResult();
        }
    }

    /// <summary>Hands every complete frame to the sink; returns the bytes consumed (a partial frame stays).</summary>
    private int Dispatch(ReadOnlySpan<byte> input)
    {
        var sink = _sink;
        var offset = 0;
        while (Framing.TryReadFrame(input[offset..], MaxFrameLength, out var payloadOffset, out var payloadLength))
        {
            var payload = input.Slice(offset + payloadOffset, payloadLength);
            offset += payloadOffset + payloadLength;
            var reader = new JuteReader(payload);
            var header = ReplyHeader.Read(ref reader);
            if (header.Xid != Xids.Notification) sink.OnReply(header, payload[ReplyHeader.WireSize..]);
        }
        sink.OnBatchEnd();
        return offset;
    }

    private static void SendAll(Socket socket, ReadOnlySpan<byte> data)
    {
        while (data.Length > 0) data = data[socket.Send(data, SocketFlags.None)..];
    }

    private static byte[] ReadFrame(Socket socket)
    {
        var lengthBytes = new byte[4];
        ReadExactly(socket, lengthBytes);
        var length = BinaryPrimitives.ReadInt32BigEndian(lengthBytes);
        if (length is < 0 or > MaxFrameLength) throw new IOException($"bad frame length {length}");
        var frame = new byte[length];
        ReadExactly(socket, frame);
        return frame;
    }

    private static void ReadExactly(Socket socket, Span<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            var read = socket.Receive(buffer, SocketFlags.None);
            if (read == 0) throw new IOException("server closed the connection during the handshake");
            buffer = buffer[read..];
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { _socket.Shutdown(SocketShutdown.Both); } catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { }
        _socket.Dispose();
        await _completion.Task.ConfigureAwait(false);
    }
}
