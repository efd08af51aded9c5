using System.Buffers.Binary;
using System.Net.Sockets;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>The quorum port refuses bad input by closing that connection; the ensemble goes on serving.</summary>
public sealed class QuorumPortBadInputTests
{
    [Fact]
    public async Task A_packet_with_an_oversized_length_is_refused_and_the_leader_keeps_serving()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
        var leader = await ensemble.LeaderAsync();
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", ensemble.QuorumPort(leader));
        // FOLLOWERINFO header whose data length is far beyond jute.maxbuffer.
        var bytes = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(bytes, QuorumPacketType.FollowerInfo);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), int.MaxValue);
        await socket.SendAsync(bytes, SocketFlags.None);
        using var timeout = new CancellationTokenSource(TestEnsemble.Bound);
        Assert.Equal(0, await socket.ReceiveAsync(new byte[16], SocketFlags.None, timeout.Token));
        await using var client = await ensemble.ConnectAsync(leader);
        await client.CreateAsync("/still-serving", "ok"u8.ToArray());
        foreach (var id in ensemble.Ids) await ReplicationTests.AssertDataAsync(ensemble, id, "/still-serving", "ok");
    }

    [Fact]
    public async Task A_first_packet_that_is_not_learner_info_is_refused()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
        var leader = await ensemble.LeaderAsync();
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", ensemble.QuorumPort(leader));
        await socket.SendAsync(new QuorumPacket(QuorumPacketType.Ack, 5).ToBytes(), SocketFlags.None);
        using var timeout = new CancellationTokenSource(TestEnsemble.Bound);
        Assert.Equal(0, await socket.ReceiveAsync(new byte[16], SocketFlags.None, timeout.Token));
        Assert.True((await ensemble.StatusAsync(leader)).Serving);
    }
}
