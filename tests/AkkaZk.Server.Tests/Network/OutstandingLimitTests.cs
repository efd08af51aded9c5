using AkkaZk.Jute;
using AkkaZk.Server.Sessions;
using AkkaZk.Server.Stats;
using AkkaZk.Server.Tests.Support;

namespace AkkaZk.Server.Tests.Network;

/// <summary>globalOutstandingLimit: ZooKeeper's shouldThrottle as an awaitable gate.</summary>
public sealed class OutstandingLimitTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_gate_opens_when_its_count_falls_to_the_threshold()
    {
        var gate = new CountGate(1);
        gate.Increment();
        Assert.True(gate.WhenAtOrBelowThreshold().IsCompleted);
        gate.Increment();
        var first = gate.WhenAtOrBelowThreshold();
        var second = gate.WhenAtOrBelowThreshold();
        Assert.False(first.IsCompleted);
        gate.Decrement();
        await Task.WhenAll(first, second).WaitAsync(Bound);
        Assert.Equal(1, gate.Count);
    }

    [Fact]
    public async Task A_connection_stops_reading_only_while_the_server_is_over_the_limit_and_it_has_requests_of_its_own()
    {
        var server = new CountGate(1);
        var connection = new ConnectionInfo(1, "127.0.0.1", 1);
        var throttle = new ReadThrottle(server, connection);
        server.Increment();
        server.Increment();
        Assert.True(throttle.WaitAsync().IsCompleted);   // nothing of its own outstanding

        connection.Outstanding.Increment();
        var waiting = throttle.WaitAsync().AsTask();
        Assert.False(waiting.IsCompleted);
        Assert.Equal(0, connection.InterestOps);

        server.Decrement();
        await waiting.WaitAsync(Bound);
        Assert.Equal(1, connection.InterestOps);

        server.Increment();
        waiting = throttle.WaitAsync().AsTask();
        Assert.False(waiting.IsCompleted);
        connection.Outstanding.Decrement();   // its own requests answered: it may read again
        await waiting.WaitAsync(Bound);
    }

    [Fact]
    public async Task Pipelined_requests_past_the_limit_are_all_answered_and_leave_nothing_outstanding()
    {
        await using var node = await TestNode.StartAsync(configure: s => s with { Ingress = s.Ingress with { GlobalOutstandingLimit = 1 } });
        await using var client = await node.ConnectAsync();
        var replies = Enumerable.Range(0, 200)
            .Select(i => client.SendAsync(OpCode.Create, new CreateRequest($"/n{i}", null, Acl.OpenAclUnsafe.ToList(), 0)))
            .ToList();
        var answered = await Task.WhenAll(replies).WaitAsync(Bound);
        Assert.All(answered, r => Assert.Equal(ErrorCode.Ok, r.Err));
        Assert.Contains("Outstanding: 0\n", await RawConnection.FourLetterWordAsync(node.Port, "srvr"));
        Assert.Equal(0, node.Stats.Outstanding);
    }
}
