using System.Net.Sockets;
using System.Text;
using AkkaZk.Server.FourLetterWords;

namespace AkkaZk.Server.Network;

/// <summary>
/// A client connection to a node that does not serve (an ensemble member without a leader). As ZooKeeper 3.8's
/// NIOServerCnxn: a four-letter word is answered (most with "not currently serving"), and anything else — a
/// ConnectRequest — closes the connection ("ZooKeeperServer not running"), so the client tries its next server.
/// </summary>
internal static class NotServingConnection
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    public static async Task AnswerAsync(Socket socket, FourLetterWordService fourLetterWords)
    {
        using (socket)
        {
            try
            {
                using var cts = new CancellationTokenSource(ReadTimeout);
                var head = new byte[12];
                var read = await ReadAtLeastAsync(socket, head, 4, cts.Token).ConfigureAwait(false);
                if (read < 4 || !Jute.FourLetterWords.TryGetWord(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(head), out var word)) return;
                long? argument = null;
                if (word == "stmk")
                {
                    // As checkFourLetterWord: stmk is followed by the 8-byte mask.
                    read += await ReadAtLeastAsync(socket, head.AsMemory(read), 12 - read, cts.Token).ConfigureAwait(false);
                    if (read < 12) return;
                    argument = System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(head.AsSpan(4));
                }
                var text = await fourLetterWords.RunAsync(word, argument).ConfigureAwait(false);
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), SocketFlags.None, cts.Token).ConfigureAwait(false);
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or said nothing; the connection is closed either way.
            }
        }
    }

    private static async Task<int> ReadAtLeastAsync(Socket socket, Memory<byte> buffer, int atLeast, CancellationToken cancel)
    {
        var read = 0;
        while (read < atLeast)
        {
            var n = await socket.ReceiveAsync(buffer[read..], SocketFlags.None, cancel).ConfigureAwait(false);
            if (n == 0) break;
            read += n;
        }
        return read;
    }
}
