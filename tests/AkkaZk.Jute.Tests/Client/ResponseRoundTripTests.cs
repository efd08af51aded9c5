namespace AkkaZk.Jute.Tests;

public sealed class ResponseRoundTripTests
{
    [Theory]
    [MemberData(nameof(Samples.ResponseNames), MemberType = typeof(Samples))]
    public void Every_response_record_round_trips_through_the_decoder(string name)
    {
        var (opcode, record) = Samples.Responses[name];
        var bytes = Bytes.Of(record.Write);

        var reader = new JuteReader(bytes);
        var decoded = ResponseDecoder.Decode(opcode, ref reader);

        Assert.True(reader.AtEnd);
        Assert.NotNull(decoded);
        Assert.IsType(record.GetType(), decoded);
        Assert.Equal(bytes, Bytes.Of(decoded.Write));
    }

    [Theory]
    [InlineData(OpCode.Delete)]
    [InlineData(OpCode.Ping)]
    [InlineData(OpCode.SetWatches)]
    [InlineData(OpCode.SetWatches2)]
    [InlineData(OpCode.Auth)]
    [InlineData(OpCode.CheckWatches)]
    [InlineData(OpCode.RemoveWatches)]
    [InlineData(OpCode.CloseSession)]
    public void Replies_without_a_body_decode_to_null(int opcode)
    {
        var reader = new JuteReader([]);
        Assert.Null(ResponseDecoder.Decode(opcode, ref reader));
    }

    [Fact]
    public void Stat_bodies_are_68_bytes()
    {
        Assert.Equal(Stat.WireSize, Bytes.Of(new ExistsResponse(Samples.Stat).Write).Length);
        Assert.Equal(4 + 2 + Stat.WireSize, Bytes.Of(new Create2Response("/a", Samples.Stat).Write).Length);
    }

    [Fact]
    public void WhoAmI_response_reads_each_client_info()
    {
        var bytes = Bytes.Of(Samples.Responses["whoAmI"].Record.Write);
        var reader = new JuteReader(bytes);

        var decoded = WhoAmIResponse.Read(ref reader);

        Assert.Equal([new ClientInfo("ip", "127.0.0.1"), new ClientInfo("digest", "u")], decoded.ClientInfo);
    }

    [Fact]
    public void Watcher_event_round_trips()
    {
        var bytes = Bytes.Of(new WatcherEvent((int)EventType.NodeDeleted, (int)KeeperState.SyncConnected, "/a").Write);
        var reader = new JuteReader(bytes);

        Assert.Equal(new WatcherEvent(2, 3, "/a"), WatcherEvent.Read(ref reader));
        Assert.True(reader.AtEnd);
    }
}
