using System.Net.Sockets;
using AkkaZk.Jute;
using AkkaZk.Jute.Quorum;

namespace AkkaZk.Server.Tests.Ensemble.Election;

/// <summary>
/// Fast leader election over real loopback sockets: ElectionActors exchange notifications through the election
/// port's connection rules and agree on one leader, ordered by (peerEpoch, zxid, sid).
/// </summary>
public sealed class ElectionActorTests : TestKit.TestKit
{
    [Fact]
    public void Three_nodes_started_together_elect_the_highest_sid()
    {
        var cluster = new ElectionCluster(this, 3);
        foreach (var id in new long[] { 1, 2, 3 }) cluster.StartAndLook(id);

        AssertLeader(cluster, 3, [1, 2, 3]);
    }

    [Fact]
    public void Five_nodes_started_one_by_one_with_the_highest_sid_last_agree_on_one_leader()
    {
        var cluster = new ElectionCluster(this, 5);
        foreach (var id in new long[] { 2, 1, 4, 3 }) cluster.StartAndLook(id);
        var first = cluster.Decision(1).Vote.Leader;
        foreach (var id in new long[] { 2, 3, 4 }) Assert.Equal(first, cluster.Decision(id).Vote.Leader);

        cluster.StartAndLook(5);
        var late = cluster.Decision(5);
        Assert.Equal(first, late.Vote.Leader);
        Assert.Equal(ServerState.Following, late.State);
    }

    [Fact]
    public void The_most_recent_log_wins_over_a_higher_sid()
    {
        var cluster = new ElectionCluster(this, 3);
        cluster.StartAndLook(1, zxid: ZxidUtils.MakeZxid(1, 7), epoch: 1);
        cluster.StartAndLook(2, zxid: ZxidUtils.MakeZxid(1, 5), epoch: 1);
        cluster.StartAndLook(3, zxid: ZxidUtils.MakeZxid(1, 5), epoch: 1);

        AssertLeader(cluster, 1, [1, 2, 3]);
    }

    [Fact]
    public void A_late_joiner_follows_the_leader_the_others_already_elected()
    {
        var cluster = new ElectionCluster(this, 3);
        cluster.StartAndLook(1);
        cluster.StartAndLook(2);
        AssertLeader(cluster, 2, [1, 2]);

        cluster.StartAndLook(3);
        var decision = cluster.Decision(3);
        Assert.Equal(ServerState.Following, decision.State);
        Assert.Equal(2, decision.Vote.Leader);
    }

    [Fact]
    public void An_observer_learns_the_leader_without_voting()
    {
        var cluster = new ElectionCluster(this, 4, observers: 4);
        foreach (var id in new long[] { 1, 2, 3, 4 }) cluster.StartAndLook(id);

        AssertLeader(cluster, 3, [1, 2, 3]);
        var observer = cluster.Decision(4);
        Assert.Equal(ServerState.Observing, observer.State);
        Assert.Equal(3, observer.Vote.Leader);
    }

    [Fact]
    public void When_the_leader_is_cut_off_the_majority_elects_another_in_a_new_round()
    {
        var cluster = new ElectionCluster(this, 3);
        foreach (var id in new long[] { 1, 2, 3 }) cluster.StartAndLook(id);
        AssertLeader(cluster, 3, [1, 2, 3]);

        cluster.Faults.Isolate(3, [1, 2]);
        cluster.Look(1, ZxidUtils.MakeZxid(1, 0), 1);
        cluster.Look(2, ZxidUtils.MakeZxid(1, 0), 1);
        AssertLeader(cluster, 2, [1, 2]);

        cluster.Faults.HealAll();
        cluster.Look(3, ZxidUtils.MakeZxid(1, 0), 1);
        var rejoined = cluster.Decision(3);
        Assert.Equal((ServerState.Following, 2L), (rejoined.State, rejoined.Vote.Leader));
    }

    [Fact]
    public void Bad_input_on_the_election_port_drops_that_connection_and_the_election_still_completes()
    {
        var cluster = new ElectionCluster(this, 3);
        cluster.Start(1);
        // An unknown protocol version, then a valid handshake from a larger sid followed by an absurd frame length.
        using (var bad = ConnectWhenListening(cluster.ElectionPort(1)))
        {
            bad.Send(Bytes(w => w.WriteLong(-5)));
            AssertClosedByServer(bad);
        }
        using (var huge = ConnectWhenListening(cluster.ElectionPort(1)))
        {
            huge.Send(ElectionInitialMessage.V1(9, "127.0.0.1:1").ToBytes());
            huge.Send(Bytes(w => w.WriteInt(int.MaxValue)));
            AssertClosedByServer(huge);
        }

        cluster.Look(1);
        cluster.StartAndLook(2);
        cluster.StartAndLook(3);
        AssertLeader(cluster, 3, [1, 2, 3]);
    }

    private static void AssertLeader(ElectionCluster cluster, long leader, long[] members)
    {
        foreach (var id in members)
        {
            var decision = cluster.Decision(id);
            Assert.Equal(leader, decision.Vote.Leader);
            Assert.Equal(id == leader ? ServerState.Leading : ServerState.Following, decision.State);
        }
    }

    private Socket ConnectWhenListening(int port)
    {
        Socket? socket = null;
        AwaitAssert(() => socket = Connect(port), TimeSpan.FromSeconds(5));
        return socket!;
    }

    private static Socket Connect(int port)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 10_000 };
        socket.Connect("127.0.0.1", port);
        return socket;
    }

    private static void AssertClosedByServer(Socket socket)
    {
        var buffer = new byte[64];
        // The server closes: a read returns 0 (or the connection is reset), well within the receive timeout.
        try
        {
            while (socket.Receive(buffer) > 0)
            {
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
        }
    }

    private static byte[] Bytes(Action<JuteWriter> write)
    {
        var writer = new JuteWriter(16);
        write(writer);
        return writer.ToArray();
    }
}
