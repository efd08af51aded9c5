using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Server.Tests.Ensemble.Election;

/// <summary>
/// The election port as QuorumCnxManager and FastLeaderElection's receiver: which side keeps a connection, peers
/// outside the config and the pre-3.5 initial message, and bytes that are not a notification.
/// </summary>
public sealed class ElectionPortTests : TestKit.TestKit
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    public static TheoryData<string, byte[]> BadInputs() => new()
    {
        { "address length over 2048", [.. Long(ElectionInitialMessage.ProtocolV1), .. Long(9), .. Int(100_000)] },
        { "address length zero", [.. Long(ElectionInitialMessage.ProtocolV1), .. Long(9), .. Int(0)] },
        { "frame length zero", [.. ElectionInitialMessage.V1(9, "127.0.0.1:1").ToBytes(), .. Int(0)] },
        { "negative frame length", [.. ElectionInitialMessage.V1(9, "127.0.0.1:1").ToBytes(), .. Int(-1)] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task A_connection_with_bad_input_is_closed_and_the_election_still_completes(string what, byte[] input)
    {
        var cluster = new ElectionCluster(this, 3);
        foreach (var id in new long[] { 1, 2, 3 }) cluster.Start(id);
        using var socket = await ConnectAsync(cluster.ElectionPort(3));
        await socket.SendAsync(input);
        Assert.True(await ClosedByPeerAsync(socket), $"{what}: the connection stays open");

        foreach (var id in new long[] { 1, 2, 3 }) cluster.Look(id);
        foreach (var id in new long[] { 1, 2, 3 }) Assert.Equal(3, cluster.Decision(id).Vote.Leader);
    }

    [Fact]
    public async Task A_notification_too_short_to_decode_is_dropped_and_the_connection_kept()
    {
        var cluster = new ElectionCluster(this, 3);
        cluster.Start(1);
        using var socket = await ConnectAsync(cluster.ElectionPort(1));
        // Sid 2 > 1: node 1 keeps this connection. Ten bytes are shorter than any notification.
        await socket.SendAsync(ElectionInitialMessage.V1(2, $"127.0.0.1:{cluster.ElectionPort(2)}").ToBytes());
        await socket.SendAsync((byte[])[.. Int(10), .. new byte[10]]);

        // The connection is still node 1's link to node 2: its first vote arrives on it.
        cluster.Look(1);
        var vote = await ReadNotificationAsync(socket);
        Assert.Equal((ServerState.Looking, 1L), (vote.State, vote.Leader));
    }

    public static TheoryData<string, byte[]> KeptInitialMessages() => new()
    {
        { "a server outside the config", ElectionInitialMessage.V1(9, "127.0.0.1:1").ToBytes() },
        { "the pre-3.5 sid-only form", Long(2) },
    };

    [Theory]
    [MemberData(nameof(KeptInitialMessages))]
    public async Task A_larger_sid_keeps_its_connection_and_gets_the_current_vote(string what, byte[] initialMessage)
    {
        var cluster = new ElectionCluster(this, 3);
        cluster.StartAndLook(1, ZxidUtils.MakeZxid(1, 4), 1);
        using var socket = await ConnectAsync(cluster.ElectionPort(1));
        await socket.SendAsync(initialMessage);
        var looking = Notification.Create(ServerState.Looking, 9, 0, 1, 0, "").ToBytes();
        await socket.SendAsync((byte[])[.. Int(looking.Length), .. looking]);

        // FastLeaderElection answers a non-voter with its current vote; a voter already has it pending.
        var reply = await ReadNotificationAsync(socket);
        Assert.True((reply.State, reply.Leader, reply.PeerEpoch) == (ServerState.Looking, 1L, 1L), $"{what}: {reply}");
    }

    [Fact]
    public async Task A_smaller_sid_is_hung_up_on_and_dialled_back_with_the_3_8_initial_message()
    {
        var cluster = new ElectionCluster(this, 3);
        // Play node 1: listen on its election port, and dial node 3 as ZooKeeper's node 1 would.
        var node1 = new TcpListener(IPAddress.Loopback, cluster.ElectionPort(1));
        node1.Start();
        try
        {
            cluster.Start(3);
            using var outbound = await ConnectAsync(cluster.ElectionPort(3));
            await outbound.SendAsync(ElectionInitialMessage.V1(1, $"127.0.0.1:{cluster.ElectionPort(1)}").ToBytes());
            Assert.True(await ClosedByPeerAsync(outbound), "node 3 kept a connection initiated by a smaller sid");

            using var callback = await node1.AcceptSocketAsync(new CancellationTokenSource(Bound).Token);
            var buffer = new byte[4096];
            var read = 0;
            ElectionInitialMessage? hello;
            while (!ElectionInitialMessage.TryRead(buffer.AsSpan(0, read), out hello, out _))
                read += await callback.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None);
            Assert.Equal(ElectionInitialMessage.V1(3, $"127.0.0.1:{cluster.ElectionPort(3)}"), hello);
        }
        finally
        {
            node1.Stop();
        }
    }

    /// <summary>Connects once the node's listener is bound (it binds as the actor starts).</summary>
    internal static async Task<Socket> ConnectAsync(int port)
    {
        using var cts = new CancellationTokenSource(Bound);
        while (true)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync("127.0.0.1", port, cts.Token);
                return socket;
            }
            catch (SocketException) when (!cts.IsCancellationRequested)
            {
                socket.Dispose();
                await Task.Delay(10, cts.Token);
            }
        }
    }

    private static async Task<bool> ClosedByPeerAsync(Socket socket)
    {
        using var cts = new CancellationTokenSource(Bound);
        var buffer = new byte[256];
        try
        {
            while (true)
                if (await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token) == 0) return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<Notification> ReadNotificationAsync(Socket socket)
    {
        using var cts = new CancellationTokenSource(Bound);
        var length = new byte[4];
        await ReadExactlyAsync(socket, length, cts.Token);
        var payload = new byte[BinaryPrimitives.ReadInt32BigEndian(length)];
        await ReadExactlyAsync(socket, payload, cts.Token);
        return Notification.Decode(payload);
    }

    private static async Task ReadExactlyAsync(Socket socket, byte[] into, CancellationToken cancel)
    {
        var read = 0;
        while (read < into.Length)
        {
            var n = await socket.ReceiveAsync(into.AsMemory(read), SocketFlags.None, cancel);
            if (n == 0) throw new IOException("closed by the node");
            read += n;
        }
    }

    private static byte[] Long(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Int(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}
