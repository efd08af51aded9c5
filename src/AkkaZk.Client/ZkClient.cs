using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Threading.Channels;
using AkkaZk.Jute;

namespace AkkaZk.Client;

/// <summary>
/// A small pipelined ZooKeeper client speaking the 3.8 wire protocol: any number of requests in flight, replies
/// matched in order, watch events on a channel. Used by the project's tests and load generator.
/// </summary>
public sealed class ZkClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentQueue<Pending> _pending = new();
    private readonly ConcurrentQueue<Pending> _authPending = new();
    private readonly Channel<WatcherEvent> _events = Channel.CreateUnbounded<WatcherEvent>();
    private readonly JuteWriter _writer = new(1024);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _xid;

    private ZkClient(Socket socket) => _socket = socket;

    public long SessionId { get; private set; }
    public byte[] Password { get; private set; } = new byte[16];
    public int NegotiatedTimeout { get; private set; }
    public long LastZxid { get; private set; }
    public ChannelReader<WatcherEvent> Events => _events.Reader;
    /// <summary>Completes when the server closes the connection (or it fails).</summary>
    public Task Closed => _closed.Task;

    public static async Task<ZkClient> ConnectAsync(string host, int port, int sessionTimeoutMs = 30000, long sessionId = 0,
        byte[]? password = null, long lastZxidSeen = 0, CancellationToken cancellationToken = default, bool readOnly = false)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        var client = new ZkClient(socket);
        await client.HandshakeAsync(new ConnectRequest(0, lastZxidSeen, sessionTimeoutMs, sessionId, password ?? new byte[16], readOnly), cancellationToken).ConfigureAwait(false);
        _ = Task.Run(client.ReadLoopAsync, CancellationToken.None);
        return client;
    }

    private async Task HandshakeAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        var writer = new JuteWriter();
        RequestWriter.WriteConnectRequest(writer, request);
        await _socket.SendAsync(writer.WrittenMemory, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        var frame = await ReadFrameAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new IOException("server closed the connection during the handshake");
        var response = ConnectResponse.Read(frame);
        if (response.TimeOut <= 0) throw new SessionExpiredException(request.SessionId);
        SessionId = response.SessionId;
        Password = response.Passwd;
        NegotiatedTimeout = response.TimeOut;
        IsReadOnly = response.ReadOnly == true;
    }

    /// <summary>The server said this session is read-only (it is cut off from its quorum).</summary>
    public bool IsReadOnly { get; private set; }

    public Task<ZkReply> SendAsync(int opCode, IRequestRecord? record, CancellationToken cancellationToken = default) =>
        SendWithXidAsync(opCode switch
        {
            OpCode.Ping => Xids.Ping,
            OpCode.Auth => Xids.Auth,
            OpCode.SetWatches or OpCode.SetWatches2 => Xids.SetWatches,
            _ => Interlocked.Increment(ref _xid),
        }, opCode, record, cancellationToken);

    public async Task<ZkReply> SendWithXidAsync(int xid, int opCode, IRequestRecord? record, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(opCode, new TaskCompletionSource<ZkReply>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_closed.Task.IsCompleted) throw new IOException("connection closed");
            _writer.Reset();
            RequestWriter.WriteRequest(_writer, new RequestHeader(xid, opCode), record);
            if (xid != Xids.Auth) _pending.Enqueue(pending);
            else _authPending.Enqueue(pending);
            await _socket.SendAsync(_writer.WrittenMemory, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
        return await pending.Reply.Task.ConfigureAwait(false);
    }

    public async Task<string> CreateAsync(string path, byte[]? data, CreateMode mode = CreateMode.Persistent, IReadOnlyList<Acl>? acl = null)
    {
        var reply = await SendAsync(OpCode.Create, new CreateRequest(path, data, (acl ?? Acl.OpenAclUnsafe).ToList(), (int)mode)).ConfigureAwait(false);
        return Check(reply).As<CreateResponse>().Path;
    }

    public async Task<(byte[]? Data, Stat Stat)> GetDataAsync(string path, bool watch = false)
    {
        var reply = Check(await SendAsync(OpCode.GetData, new GetDataRequest(path, watch)).ConfigureAwait(false)).As<GetDataResponse>();
        return (reply.Data, reply.Stat);
    }

    public async Task<Stat> SetDataAsync(string path, byte[]? data, int version = -1) =>
        Check(await SendAsync(OpCode.SetData, new SetDataRequest(path, data, version)).ConfigureAwait(false)).As<SetDataResponse>().Stat;

    public async Task DeleteAsync(string path, int version = -1) =>
        Check(await SendAsync(OpCode.Delete, new DeleteRequest(path, version)).ConfigureAwait(false));

    public async Task<Stat?> ExistsAsync(string path, bool watch = false)
    {
        var reply = await SendAsync(OpCode.Exists, new ExistsRequest(path, watch)).ConfigureAwait(false);
        return reply.Err == ErrorCode.NoNode ? null : Check(reply).As<ExistsResponse>().Stat;
    }

    public async Task<IReadOnlyList<string>> GetChildrenAsync(string path, bool watch = false) =>
        Check(await SendAsync(OpCode.GetChildren, new GetChildrenRequest(path, watch)).ConfigureAwait(false)).As<GetChildrenResponse>().Children;

    /// <summary>Ends the session (closeSession), then the connection.</summary>
    public async Task CloseSessionAsync()
    {
        try { await SendAsync(OpCode.CloseSession, null).ConfigureAwait(false); }
        catch (IOException) { }
        await DisposeAsync().ConfigureAwait(false);
    }

    private static ZkReply Check(ZkReply reply) =>
        reply.Err == ErrorCode.Ok ? reply : throw new KeeperException(reply.Err);

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await ReadFrameAsync(CancellationToken.None).ConfigureAwait(false) is { } frame) Dispatch(frame);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or JuteException)
        {
        }
        finally
        {
            _closed.TrySetResult();
            _events.Writer.TryComplete();
            while (_pending.TryDequeue(out var p)) p.Reply.TrySetException(new IOException("connection closed"));
            while (_authPending.TryDequeue(out var p)) p.Reply.TrySetException(new IOException("connection closed"));
        }
    }

    private void Dispatch(byte[] frame)
    {
        var reader = new JuteReader(frame);
        var header = ReplyHeader.Read(ref reader);
        if (header.Xid == Xids.Notification)
        {
            _events.Writer.TryWrite(WatcherEvent.Read(ref reader));
            return;
        }
        if (header.Zxid > 0) LastZxid = header.Zxid;
        var queue = header.Xid == Xids.Auth ? _authPending : _pending;
        if (!queue.TryDequeue(out var pending)) throw new IOException($"unexpected reply xid {header.Xid}");
        IResponseRecord? body = null;
        if (header.Err == 0 && !reader.AtEnd) body = ResponseDecoder.Decode(pending.OpCode, ref reader);
        pending.Reply.TrySetResult(new ZkReply(header, body));
    }

    private async Task<byte[]?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var lengthBytes = new byte[4];
        if (!await ReadExactlyAsync(lengthBytes, cancellationToken).ConfigureAwait(false)) return null;
        var length = BinaryPrimitives.ReadInt32BigEndian(lengthBytes);
        if (length < 0 || length > 64 * 1024 * 1024) throw new IOException($"bad frame length {length}");
        var frame = new byte[length];
        return await ReadExactlyAsync(frame, cancellationToken).ConfigureAwait(false) ? frame : null;
    }

    private async Task<bool> ReadExactlyAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await _socket.ReceiveAsync(buffer[read..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0) return false;
            read += n;
        }
        return true;
    }

    /// <summary>Drops the connection without ending the session (as a network failure would).</summary>
    public ValueTask DisposeAsync()
    {
        try { _socket.Shutdown(SocketShutdown.Both); } catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { }
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed record Pending(int OpCode, TaskCompletionSource<ZkReply> Reply);
}
