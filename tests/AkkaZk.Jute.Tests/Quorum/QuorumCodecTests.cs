using AkkaZk.Jute.Quorum;

namespace AkkaZk.Jute.Tests.Quorum;

public sealed class QuorumCodecTests
{
    [Fact]
    public void Zxid_splits_into_epoch_and_counter()
    {
        var zxid = ZxidUtils.MakeZxid(5, 0xFFFFFFFE);
        Assert.Equal(0x5FFFFFFFEL, zxid);
        Assert.Equal(5, ZxidUtils.GetEpoch(zxid));
        Assert.Equal(0xFFFFFFFEL, ZxidUtils.GetCounter(zxid));
        Assert.True(ZxidUtils.IsEpochStart(ZxidUtils.MakeZxid(7, 0)));
        Assert.Equal(-1L, ZxidUtils.GetEpoch(-1));
    }

    [Fact]
    public void Short_notifications_are_read_as_older_peers_send_them()
    {
        var full = Notification.Create(ServerState.Leading, 3, ZxidUtils.MakeZxid(4, 9), 7, 4, "cfg").ToBytes();
        var n28 = Notification.Decode(full.AsSpan(0, 28));
        Assert.Equal(4, n28.PeerEpoch); // derived from the zxid
        Assert.Equal(0, n28.Version);
        var n40 = Notification.Decode(full.AsSpan(0, 40));
        Assert.Equal((0, ""), (n40.Version, n40.Config));
        Assert.Equal("cfg", Notification.Decode(full).Config);
    }

    [Theory]
    [InlineData(27)]
    [InlineData(30)]
    public void Truncated_notifications_are_dropped(int length)
    {
        var bytes = Notification.Create(ServerState.Looking, 1, 0, 1, 0, "").ToBytes();
        Assert.False(Notification.TryDecode(bytes.AsSpan(0, length), out _));
    }

    [Fact]
    public void Unknown_state_and_bad_config_length_are_dropped()
    {
        var bytes = Notification.Create(ServerState.Looking, 1, 0, 1, 0, "abc").ToBytes();
        var badState = (byte[])bytes.Clone();
        badState[3] = 9;
        Assert.False(Notification.TryDecode(badState, out _));
        var badLength = (byte[])bytes.Clone();
        badLength[43] = 4;
        Assert.False(Notification.TryDecode(badLength, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(ElectionFraming.MaxMessageLength + 1)]
    public void Election_frames_with_unreasonable_lengths_are_rejected(int length)
    {
        var bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes, length);
        Assert.Throws<JuteException>(() => ElectionFraming.TryReadFrame(bytes, out _, out _));
    }

    [Fact]
    public void Initial_message_rejects_long_addresses_and_reads_legacy_sids()
    {
        var tooLong = ElectionInitialMessage.V1(2, new string('a', ElectionInitialMessage.MaxAddressLength + 1)).ToBytes();
        Assert.Throws<JuteException>(() => ElectionInitialMessage.TryRead(tooLong, out _, out _));
        var legacy = new ElectionInitialMessage(ElectionInitialMessage.ProtocolLegacy, 5, "").ToBytes();
        Assert.True(ElectionInitialMessage.TryRead(legacy, out var message, out var consumed));
        Assert.Equal((5L, 8, true), (message!.Sid, consumed, message.IsLegacy));
    }

    [Fact]
    public void Learner_info_is_read_positionally_when_short()
    {
        Assert.Null(LearnerInfo.Parse(null));
        Assert.Equal(new LearnerInfo(0, LearnerInfo.DefaultProtocolVersion, 0), LearnerInfo.Parse(new byte[4]));
        var twelve = LearnerInfo.Current(9, 3).ToBytes().AsSpan(0, 12).ToArray();
        Assert.Equal(new LearnerInfo(9, LearnerInfo.CurrentProtocolVersion, 0), LearnerInfo.Parse(twelve));
    }

    [Fact]
    public void Quorum_packet_nulls_and_partial_streams()
    {
        var packet = new QuorumPacket(QuorumPacketType.Request, -1, [1, 2, 3], [new Id("ip", "10.0.0.1")]);
        var bytes = packet.ToBytes();
        for (var cut = 0; cut < bytes.Length; cut++)
            Assert.False(QuorumPacket.TryRead(bytes.AsSpan(0, cut), out _, out _));
        Assert.True(QuorumPacket.TryRead(bytes, out var read, out var consumed));
        Assert.Equal((packet, bytes.Length), (read!, consumed));
        Assert.Equal("000000030000000000000005FFFFFFFFFFFFFFFF",
            Convert.ToHexString(new QuorumPacket(QuorumPacketType.Ack, 5).ToBytes()));
    }

    [Fact]
    public void Txn_log_entry_reads_a_digest_only_when_present()
    {
        var txn = new Txn(new TxnHeader(1, 2, ZxidUtils.MakeZxid(1, 1), 99, OpCode.Create),
            new CreateTxn("/a", [7], [new Acl(Perms.All, Id.Anyone)], false, 1));
        var withDigest = new TxnLogEntry(txn, new TxnDigest(2, 0x1ef229a89));
        var decoded = TxnLogEntry.Decode(withDigest.ToBytes());
        Assert.Equal(withDigest.Digest, decoded.Digest);
        Assert.Null(TxnLogEntry.Decode(new TxnLogEntry(txn, null).ToBytes()).Digest);

        var close = new Txn(new TxnHeader(1, 0, 2, 3, OpCode.CloseSession), new CloseSessionTxn([]));
        var bare = new TxnLogEntry(close, new TxnDigest(2, 5)).ToBytes(closeSessionTxnEnabled: false);
        Assert.Equal(32 + TxnDigest.WireLength, bare.Length);
        Assert.Equal(5, TxnLogEntry.Decode(bare, closeSessionTxnEnabled: false).Digest!.TreeDigest);
    }
}
