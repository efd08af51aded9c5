using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using AkkaZk.Jute;

namespace AkkaZk.Server.Tests.Support;

/// <summary>A raw socket to the client port, for handshake details and bad input.</summary>
public sealed class RawConnection : IDisposable
{
    private readonly Socket _socket;

    private RawConnection(Socket socket) => _socket = socket;

    public static async Task<RawConnection> OpenAsync(int port)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 10000 };
        await socket.ConnectAsync("127.0.0.1", port);
        return new RawConnection(socket);
    }

    public static async Task<string> FourLetterWordAsync(int port, string word)
    {
        using var connection = await OpenAsync(port);
        await connection.SendRawAsync(Encoding.ASCII.GetBytes(word));
        return Encoding.UTF8.GetString(await connection.ReadToEndAsync());
    }

    public async Task SendRawAsync(byte[] bytes) => await _socket.SendAsync(bytes, SocketFlags.None);

    public async Task SendFrameAsync(Action<JuteWriter> write)
    {
        var writer = new JuteWriter();
        var at = writer.ReserveLength();
        write(writer);
        writer.PatchLength(at);
        await SendRawAsync(writer.ToArray());
    }

    public async Task SendConnectAsync(long lastZxidSeen = 0, long sessionId = 0, byte[]? password = null, bool? readOnly = false) =>
        await SendFrameAsync(w => new ConnectRequest(0, lastZxidSeen, 30000, sessionId, password ?? new byte[16], readOnly).Write(w));

    /// <summary>Reads one length-prefixed frame, or null when the server closed the connection.</summary>
    public async Task<byte[]?> ReadFrameAsync()
    {
        var length = await ReadExactlyAsync(4);
        if (length is null) return null;
        return await ReadExactlyAsync(BinaryPrimitives.ReadInt32BigEndian(length));
    }

    public async Task<byte[]> ReadToEndAsync()
    {
        var all = new MemoryStream();
        var buffer = new byte[4096];
        int n;
        while ((n = await ReceiveAsync(buffer)) > 0) all.Write(buffer, 0, n);
        return all.ToArray();
    }

    /// <summary>True when the server has closed the connection (reads EOF within the bound).</summary>
    public async Task<bool> IsClosedByServerAsync()
    {
        var buffer = new byte[4096];
        while (true)
        {
            var n = await ReceiveAsync(buffer);
            if (n <= 0) return true;
        }
    }

    private async Task<byte[]?> ReadExactlyAsync(int count)
    {
        var bytes = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await ReceiveAsync(bytes.AsMemory(read));
            if (n <= 0) return null;
            read += n;
        }
        return bytes;
    }

    private async Task<int> ReceiveAsync(Memory<byte> buffer)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            return await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        }
        catch (SocketException)
        {
            return 0;
        }
    }

    public void Dispose() => _socket.Dispose();
}
