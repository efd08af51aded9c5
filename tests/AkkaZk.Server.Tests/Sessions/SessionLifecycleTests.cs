using System.Buffers.Binary;
using AkkaZk.Client;
using AkkaZk.Jute;
using AkkaZk.Server.Tests.Support;

namespace AkkaZk.Server.Tests.Sessions;

public sealed class SessionLifecycleTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(tickMs: 100);
    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Timeouts_are_negotiated_within_two_and_twenty_ticks()
    {
        await using var low = await _node.ConnectAsync(sessionTimeoutMs: 1);
        await using var high = await _node.ConnectAsync(sessionTimeoutMs: 1_000_000);
        Assert.Equal(200, low.NegotiatedTimeout);
        Assert.Equal(2000, high.NegotiatedTimeout);
    }

    [Fact]
    public async Task An_expired_sessions_ephemerals_vanish_and_watchers_hear_it()
    {
        await using var observer = await _node.ConnectAsync();
        var doomed = await _node.ConnectAsync(sessionTimeoutMs: 200);
        await doomed.CreateAsync("/eph", null, CreateMode.Ephemeral);
        Assert.NotNull(await observer.ExistsAsync("/eph", watch: true));
        await doomed.DisposeAsync(); // no closeSession: the session must expire
        var e = await observer.Events.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((int)EventType.NodeDeleted, e.Type);
        Assert.Null(await observer.ExistsAsync("/eph"));
        await Assert.ThrowsAsync<SessionExpiredException>(() =>
            ZkClient.ConnectAsync("127.0.0.1", _node.Port, 200, doomed.SessionId, doomed.Password));
    }

    [Fact]
    public async Task A_session_reattaches_with_its_password_and_keeps_its_ephemerals()
    {
        var first = await _node.ConnectAsync(sessionTimeoutMs: 2000);
        await first.CreateAsync("/mine", null, CreateMode.Ephemeral);
        await first.DisposeAsync();
        await using var second = await ZkClient.ConnectAsync("127.0.0.1", _node.Port, 2000, first.SessionId, first.Password);
        Assert.Equal(first.SessionId, second.SessionId);
        Assert.NotNull(await second.ExistsAsync("/mine"));
        await Assert.ThrowsAsync<SessionExpiredException>(() =>
            ZkClient.ConnectAsync("127.0.0.1", _node.Port, 2000, first.SessionId, new byte[16]));
    }

    [Fact]
    public async Task Closing_a_session_deletes_its_ephemerals_at_once()
    {
        await using var observer = await _node.ConnectAsync();
        var owner = await _node.ConnectAsync();
        await owner.CreateAsync("/gone", null, CreateMode.Ephemeral);
        await owner.CloseSessionAsync();
        Assert.Null(await observer.ExistsAsync("/gone"));
    }

    [Fact]
    public async Task Requests_pipelined_around_close_session_get_their_replies_in_order_before_the_close()
    {
        // Found by the client-port fuzz test: a request after closeSession closed the connection at once, so the
        // replies to the create, the getData and the closeSession itself were lost. As ZooKeeper 3.8.0: every
        // request before closeSession is answered, closeSession gets OK, a later request SessionExpired.
        using var raw = await RawConnection.OpenAsync(_node.Port);
        await raw.SendConnectAsync();
        await raw.ReadFrameAsync();
        var writer = new JuteWriter();
        RequestWriter.WriteRequest(writer, new RequestHeader(1, OpCode.Create), new CreateRequest("/piped", null, Acl.OpenAclUnsafe, 0));
        RequestWriter.WriteRequest(writer, new RequestHeader(2, OpCode.GetData), new GetDataRequest("/piped", false));
        RequestWriter.WriteRequest(writer, new RequestHeader(3, OpCode.CloseSession), null);
        RequestWriter.WriteRequest(writer, new RequestHeader(4, OpCode.GetData), new GetDataRequest("/piped", false));
        await raw.SendRawAsync(writer.ToArray());
        var replies = new List<(int Xid, int Err)>();
        while (await raw.ReadFrameAsync() is { } frame)
            replies.Add((BinaryPrimitives.ReadInt32BigEndian(frame), BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(12))));
        Assert.Equal([(1, 0), (2, 0), (3, 0)], replies.Take(3));
        Assert.All(replies.Skip(3), r => Assert.Equal((4, (int)ErrorCode.SessionExpired), r));
    }
}
