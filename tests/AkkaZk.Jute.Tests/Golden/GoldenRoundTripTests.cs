namespace AkkaZk.Jute.Tests.Golden;

/// <summary>
/// Every frame captured from ZooKeeper 3.8.0 decodes with our codec and re-encodes byte-identically: requests
/// through RequestDecoder + RequestWriter, replies through ResponseDecoder + ReplyWriter.
/// </summary>
public sealed class GoldenRoundTripTests
{
    public static TheoryData<string> Files => ["kazoo-session.hex", "raw-session.hex"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_frame_re_encodes_byte_identically(string file)
    {
        var golden = GoldenFrames.Load(file);
        var opcodeByXid = new Dictionary<int, int>();
        var checkedFrames = 0;
        foreach (var frame in golden.Frames)
        {
            Assert.True(Framing.TryReadFrame(frame.Frame, Framing.DefaultMaxFrameLength, out _, out var length));
            Assert.Equal(frame.Frame.Length - 4, length);
            var writer = new JuteWriter();
            if (frame.Key.StartsWith("c2s.connect", StringComparison.Ordinal))
                RequestWriter.WriteConnectRequest(writer, ConnectRequest.Read(frame.Payload));
            else if (frame.Key.StartsWith("s2c.connect", StringComparison.Ordinal))
                ReplyWriter.WriteConnectResponse(writer, ConnectResponse.Read(frame.Payload));
            else if (frame.FromClient)
            {
                if (!ReEncodeRequest(frame, writer, opcodeByXid)) continue;
            }
            else
                ReEncodeReply(frame, writer, opcodeByXid);
            Assert.Equal(Convert.ToHexString(frame.Frame), Convert.ToHexString(writer.WrittenSpan));
            checkedFrames++;
        }
        Assert.True(checkedFrames >= golden.Frames.Count - 3, $"only {checkedFrames} of {golden.Frames.Count} frames checked");
    }

    private static bool ReEncodeRequest(GoldenFrame frame, JuteWriter writer, Dictionary<int, int> opcodeByXid)
    {
        var reader = new JuteReader(frame.Payload);
        var header = RequestHeader.Read(ref reader);
        opcodeByXid[header.Xid] = header.Type;
        if (!RequestDecoder.IsKnownClientOpCode(header.Type))
        {
            var body = frame.Frame;
            Assert.Throws<UnknownOpCodeException>(() =>
            {
                var r = new JuteReader(body.AsSpan(4 + RequestHeader.WireSize));
                RequestDecoder.Decode(header.Type, ref r);
            });
            return false;
        }
        var record = RequestDecoder.Decode(header.Type, ref reader);
        Assert.True(reader.AtEnd, $"{frame.Key}: {reader.Remaining} bytes left");
        RequestWriter.WriteRequest(writer, header, record);
        return true;
    }

    private static void ReEncodeReply(GoldenFrame frame, JuteWriter writer, Dictionary<int, int> opcodeByXid)
    {
        var reader = new JuteReader(frame.Payload);
        var header = ReplyHeader.Read(ref reader);
        if (header.Xid == Xids.Notification)
        {
            ReplyWriter.WriteNotification(writer, WatcherEvent.Read(ref reader));
        }
        else
        {
            var record = header.Err == 0 ? ResponseDecoder.Decode(opcodeByXid[header.Xid], ref reader) : null;
            ReplyWriter.WriteReply(writer, header, record);
        }
        Assert.True(reader.AtEnd, $"{frame.Key}: {reader.Remaining} bytes left");
    }
}
