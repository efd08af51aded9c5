namespace AkkaZk.Jute.Tests;

public sealed class WriterTests
{
    [Fact]
    public void Reply_is_length_header_and_body()
    {
        var writer = new JuteWriter();

        ReplyWriter.WriteReply(writer, new ReplyHeader(3, 0x10, 0), new SyncResponse("/a"));

        Assert.Equal(Convert.FromHexString("00000016" + "00000003" + "0000000000000010" + "00000000" + "00000002" + "2F61"),
            writer.ToArray());
    }

    [Fact]
    public void Error_reply_has_no_body()
    {
        var writer = new JuteWriter();

        ReplyWriter.WriteReply(writer, new ReplyHeader(3, 0x10, (int)ErrorCode.NoNode), null);

        Assert.Equal(Convert.FromHexString("00000010" + "00000003" + "0000000000000010" + "FFFFFF9B"), writer.ToArray());
    }

    [Fact]
    public void Notification_header_is_minus_one_minus_one_zero()
    {
        var writer = new JuteWriter();

        ReplyWriter.WriteNotification(writer, new WatcherEvent(3, 3, "/a"));

        Assert.Equal(Convert.FromHexString(
            "0000001E" + "FFFFFFFF" + "FFFFFFFFFFFFFFFF" + "00000000" + "00000003" + "00000003" + "00000002" + "2F61"),
            writer.ToArray());
    }

    [Fact]
    public void Replies_append_so_a_batch_shares_one_buffer()
    {
        var writer = new JuteWriter();

        ReplyWriter.WriteReply(writer, new ReplyHeader(1, 1, 0), null);
        ReplyWriter.WriteNotification(writer, new WatcherEvent(1, 3, "/"));
        ReplyWriter.WriteReply(writer, new ReplyHeader(2, 1, 0), new ErrorResponse(0));

        var frames = new List<int>();
        var span = writer.WrittenSpan;
        while (Framing.TryReadFrame(span, Framing.DefaultMaxFrameLength, out var offset, out var length))
        {
            frames.Add(length);
            span = span[(offset + length)..];
        }
        Assert.Equal([16, 16 + 4 + 4 + 5, 20], frames);
    }

    [Theory]
    [InlineData(null, 36)]
    [InlineData(false, 37)]
    public void Connect_response_frame_from_fields(bool? readOnly, int payload)
    {
        var writer = new JuteWriter();
        var passwd = new byte[16];

        ReplyWriter.WriteConnectResponse(writer, 4000, 7, passwd, readOnly);

        var bytes = writer.ToArray();
        Assert.Equal(4 + payload, bytes.Length);
        Assert.Equal(new ConnectResponse(0, 4000, 7, passwd, readOnly) with { Passwd = passwd },
            ConnectResponse.Read(bytes.AsSpan(4)) with { Passwd = passwd });
        var viaRecord = new JuteWriter();
        ReplyWriter.WriteConnectResponse(viaRecord, new ConnectResponse(0, 4000, 7, passwd, readOnly));
        Assert.Equal(bytes, viaRecord.ToArray());
    }

    [Fact]
    public void Request_frames_for_clients()
    {
        var writer = new JuteWriter();

        RequestWriter.WriteConnectRequest(writer, new ConnectRequest(0, 0, 30_000, 0, new byte[16], false));
        RequestWriter.WriteRequest(writer, new RequestHeader(Xids.Ping, OpCode.Ping), null);
        RequestWriter.WriteRequest(writer, new RequestHeader(1, OpCode.Delete), new DeleteRequest("/a", -1));

        var bytes = writer.ToArray();
        Assert.Equal(4 + 45 + 4 + 8 + 4 + 8 + 10, bytes.Length);
        Assert.Equal(Convert.FromHexString("00000008FFFFFFFE0000000B"), bytes[49..61]);
    }
}
