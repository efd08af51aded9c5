namespace AkkaZk.Jute.Tests;

public sealed class HandshakeTests
{
    private static readonly byte[] _passwd = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();

    [Fact]
    public void Connect_request_without_the_readOnly_byte_is_44_bytes_and_reads_null()
    {
        var request = new ConnectRequest(0, 0x10, 30_000, 0, new byte[16], null);
        var bytes = Bytes.Of(request.Write);

        Assert.Equal(44, bytes.Length);
        var decoded = ConnectRequest.Read(bytes);
        Assert.Null(decoded.ReadOnly);
        Assert.Equal(0x10, decoded.LastZxidSeen);
        Assert.Equal(30_000, decoded.TimeOut);
        Assert.Equal(new byte[16], decoded.Passwd);
        Assert.Equal(bytes, Bytes.Of(decoded.Write));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Connect_request_with_the_readOnly_byte_is_45_bytes(bool readOnly)
    {
        var request = new ConnectRequest(0, 5, 4000, 0x0100001829460000, _passwd, readOnly);
        var bytes = Bytes.Of(request.Write);

        Assert.Equal(45, bytes.Length);
        var decoded = ConnectRequest.Read(bytes);
        Assert.Equal(readOnly, decoded.ReadOnly);
        Assert.Equal(0x0100001829460000, decoded.SessionId);
        Assert.Equal(_passwd, decoded.Passwd);
        Assert.Equal(bytes, Bytes.Of(decoded.Write));
    }

    [Fact]
    public void Connect_response_omits_the_readOnly_byte_when_null()
    {
        var bytes = Bytes.Of(new ConnectResponse(0, 40_000, 0x0100001829460000, _passwd, null).Write);

        Assert.Equal(36, bytes.Length);
        var decoded = ConnectResponse.Read(bytes);
        Assert.Null(decoded.ReadOnly);
        Assert.Equal(40_000, decoded.TimeOut);
        Assert.Equal(bytes, Bytes.Of(decoded.Write));
    }

    [Fact]
    public void Connect_response_with_readOnly_is_37_bytes()
    {
        var bytes = Bytes.Of(new ConnectResponse(0, 4000, 1, _passwd, false).Write);

        Assert.Equal(37, bytes.Length);
        Assert.False(ConnectResponse.Read(bytes).ReadOnly);
    }

    [Fact]
    public void Invalid_session_response_matches_ZooKeeper_bytes()
    {
        // As observed on ZooKeeper 3.8.0: a bad password gets timeout 0, session 0 and a zero password.
        var bytes = Bytes.Of(new ConnectResponse(0, 0, 0, new byte[16], false).Write);

        Assert.Equal(Convert.FromHexString("00000000" + "00000000" + "0000000000000000" + "00000010" + new string('0', 32) + "00"), bytes);
    }

    [Fact]
    public void Truncated_connect_request_throws_JuteException()
    {
        var bytes = Bytes.Of(new ConnectRequest(0, 0, 1, 0, new byte[16], true).Write);

        for (var length = 0; length < 44; length++)
            Assert.Throws<JuteException>(() => ConnectRequest.Read(bytes.AsSpan(0, length)));
    }

    [Fact]
    public void Headers_round_trip()
    {
        var request = Bytes.Of(new RequestHeader(7, OpCode.GetData).Write);
        var reply = Bytes.Of(new ReplyHeader(7, 0x1_0000_0002, (int)ErrorCode.NoNode).Write);

        Assert.Equal(RequestHeader.WireSize, request.Length);
        Assert.Equal(ReplyHeader.WireSize, reply.Length);
        var reader = new JuteReader(request);
        Assert.Equal(new RequestHeader(7, 4), RequestHeader.Read(ref reader));
        reader = new JuteReader(reply);
        Assert.Equal(new ReplyHeader(7, 0x1_0000_0002, -101), ReplyHeader.Read(ref reader));
    }
}
