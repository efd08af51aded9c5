using System.Buffers.Binary;
using AkkaZk.Jute;
using AkkaZk.Server.Tests.Support;

namespace AkkaZk.Server.Tests.Node;

public sealed class BadInputTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync();
    public async Task DisposeAsync() => await _node.DisposeAsync();

    private async Task AssertStillServes()
    {
        Assert.Equal("imok", await RawConnection.FourLetterWordAsync(_node.Port, "ruok"));
        await using var client = await _node.ConnectAsync();
        await client.ExistsAsync("/");
    }

    [Fact]
    public async Task Connect_reply_carries_the_read_only_byte_only_when_the_client_sent_it()
    {
        using (var with = await RawConnection.OpenAsync(_node.Port))
        {
            await with.SendConnectAsync(readOnly: false);
            Assert.Equal(37, (await with.ReadFrameAsync())!.Length);
        }
        using var without = await RawConnection.OpenAsync(_node.Port);
        await without.SendConnectAsync(readOnly: null);
        Assert.Equal(36, (await without.ReadFrameAsync())!.Length);
    }

    [Fact]
    public async Task An_unknown_opcode_gets_unimplemented_then_the_connection_closes()
    {
        using var raw = await RawConnection.OpenAsync(_node.Port);
        await raw.SendConnectAsync();
        await raw.ReadFrameAsync();
        await raw.SendFrameAsync(w => new RequestHeader(7, 999).Write(w));
        var reply = (await raw.ReadFrameAsync())!;
        Assert.Equal(7, BinaryPrimitives.ReadInt32BigEndian(reply));
        Assert.Equal(-1L, BinaryPrimitives.ReadInt64BigEndian(reply.AsSpan(4)));
        Assert.Equal((int)ErrorCode.Unimplemented, BinaryPrimitives.ReadInt32BigEndian(reply.AsSpan(12)));
        Assert.True(await raw.IsClosedByServerAsync());
        await AssertStillServes();
    }

    [Theory]
    [InlineData(OpCode.Auth)]
    [InlineData(OpCode.Sasl)]
    public async Task A_malformed_auth_or_sasl_packet_closes_the_connection_without_a_reply(int opCode)
    {
        // Found by the client-port fuzz test, checked against ZooKeeper 3.8.0: these packets are parsed before the
        // request pipeline and a bad one closes the connection (other requests get MarshallingError instead).
        using var raw = await RawConnection.OpenAsync(_node.Port);
        await raw.SendConnectAsync();
        await raw.ReadFrameAsync();
        await raw.SendFrameAsync(w =>
        {
            new RequestHeader(opCode == OpCode.Auth ? Xids.Auth : 5, opCode).Write(w);
            w.WriteInt(0x7FFFFFF0); // a length far past the frame's end
        });
        Assert.Null(await raw.ReadFrameAsync());
        await AssertStillServes();
    }

    [Fact]
    public async Task A_frame_longer_than_jute_maxbuffer_closes_the_connection_without_a_reply()
    {
        using var raw = await RawConnection.OpenAsync(_node.Port);
        await raw.SendConnectAsync();
        await raw.ReadFrameAsync();
        var header = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(header, 0xFFFFF + 1);
        await raw.SendRawAsync(header);
        Assert.Null(await raw.ReadFrameAsync());
        await AssertStillServes();
    }

    [Fact]
    public async Task A_client_that_has_seen_a_newer_zxid_is_closed_without_a_reply()
    {
        using var raw = await RawConnection.OpenAsync(_node.Port);
        await raw.SendConnectAsync(lastZxidSeen: 0x7FFF_0000_0000);
        Assert.Null(await raw.ReadFrameAsync());
        await AssertStillServes();
    }

    [Fact]
    public async Task An_invalid_path_is_bad_arguments()
    {
        await using var client = await _node.ConnectAsync();
        var reply = await client.SendAsync(OpCode.Create, new CreateRequest("no-slash", null, Acl.OpenAclUnsafe.ToList(), 0));
        Assert.Equal(ErrorCode.BadArguments, reply.Err);
        // As ZooKeeper: the full path check comes after the parent check, so "/x/" is NoNode until /x exists.
        var orphan = await client.SendAsync(OpCode.Create, new CreateRequest("/x/", null, Acl.OpenAclUnsafe.ToList(), 0));
        Assert.Equal(ErrorCode.NoNode, orphan.Err);
        await client.CreateAsync("/x", null);
        var trailing = await client.SendAsync(OpCode.Create, new CreateRequest("/x/", null, Acl.OpenAclUnsafe.ToList(), 0));
        Assert.Equal(ErrorCode.BadArguments, trailing.Err);
    }

    [Fact]
    public async Task Garbage_before_the_handshake_affects_only_that_connection()
    {
        using var raw = await RawConnection.OpenAsync(_node.Port);
        await raw.SendRawAsync([0, 0, 0, 5, 1, 2, 3, 4, 5]);
        Assert.True(await raw.IsClosedByServerAsync());
        await AssertStillServes();
    }
}
