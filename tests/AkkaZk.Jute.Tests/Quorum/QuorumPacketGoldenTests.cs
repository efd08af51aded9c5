using AkkaZk.Jute.Quorum;

namespace AkkaZk.Jute.Tests.Quorum;

/// <summary>Quorum-port packets captured from a ZooKeeper 3.8.0 leader and follower.</summary>
public sealed class QuorumPacketGoldenTests
{
    public static TheoryData<string> RequiredTypes =>
    [
        "FOLLOWERINFO", "LEADERINFO", "ACKEPOCH", "SNAP", "DIFF", "NEWLEADER", "UPTODATE", "PROPOSAL", "ACK", "COMMIT",
        "PING", "REQUEST",
    ];

    [Theory]
    [MemberData(nameof(RequiredTypes))]
    public void Each_packet_type_was_captured(string name) =>
        Assert.Contains(QuorumGolden.Packets(), p => p.Packet.Type == QuorumPacketType.Parse(name));

    [Fact]
    public void Every_packet_re_encodes_byte_identically()
    {
        foreach (var (record, packet) in QuorumGolden.Packets())
        {
            Assert.StartsWith(QuorumPacketType.Name(packet.Type) + " ", record.Description, StringComparison.Ordinal);
            Assert.Equal(Convert.ToHexString(record.Bytes), Convert.ToHexString(packet.ToBytes()));
        }
    }

    [Fact]
    public void The_unframed_stream_splits_into_packets_at_any_chunking()
    {
        var learnerToLeader = QuorumGolden.OfKind("packet").Where(r => r.From == 3).ToList();
        var stream = learnerToLeader.SelectMany(r => r.Bytes).ToArray();
        var decoded = new List<QuorumPacket>();
        var buffered = new List<byte>();
        foreach (var chunk in stream.Chunk(7))
        {
            buffered.AddRange(chunk);
            while (QuorumPacket.TryRead(buffered.ToArray(), out var packet, out var consumed))
            {
                decoded.Add(packet!);
                buffered.RemoveRange(0, consumed);
            }
        }
        Assert.Empty(buffered);
        Assert.Equal(learnerToLeader.Select(r => QuorumPacket.Decode(r.Bytes)), decoded);
    }

    [Fact]
    public void Handshake_packets_have_the_documented_payloads()
    {
        var packets = QuorumGolden.Packets().Select(p => p.Packet).ToList();
        var followerInfo = packets.First(p => p.Type == QuorumPacketType.FollowerInfo);
        Assert.Equal(LearnerInfo.Current(3, 0), LearnerInfo.Parse(followerInfo.Data));
        Assert.Equal(Convert.ToHexString(followerInfo.Data!), Convert.ToHexString(LearnerInfo.Current(3).ToBytes()));
        Assert.Equal(0L, followerInfo.Zxid); // makeZxid(acceptedEpoch 0, 0) on a fresh node

        var leaderInfo = packets.First(p => p.Type == QuorumPacketType.LeaderInfo);
        Assert.Equal(ZxidUtils.MakeZxid(1, 0), leaderInfo.Zxid);
        Assert.Equal(LearnerInfo.CurrentProtocolVersion, QuorumPacketData.ReadInt(leaderInfo.Data));

        var ackEpochs = packets.Where(p => p.Type == QuorumPacketType.AckEpoch).ToList();
        Assert.Equal(0, QuorumPacketData.ReadInt(ackEpochs[0].Data)); // fresh node: currentEpoch 0
        // the rejoining node had already accepted epoch 1: −1 = "do not count me as an epoch ack"
        Assert.Equal(-1, QuorumPacketData.ReadInt(ackEpochs[1].Data));
        Assert.All(ackEpochs, p => Assert.Equal(4, p.Data!.Length));

        var newLeader = packets.First(p => p.Type == QuorumPacketType.NewLeader);
        Assert.Equal(ZxidUtils.MakeZxid(1, 0), newLeader.Zxid);
        Assert.EndsWith("version=0", System.Text.Encoding.UTF8.GetString(newLeader.Data!), StringComparison.Ordinal);

        Assert.All(packets.Where(p => p.Type == QuorumPacketType.UpToDate), p => Assert.Equal(-1L, p.Zxid));
        Assert.All(packets.Where(p => p.Type is QuorumPacketType.Ack or QuorumPacketType.Commit), p => Assert.Null(p.Data));
        Assert.All(packets.Where(p => p.Type == QuorumPacketType.Ping && p.Data is not null), p => Assert.Equal(0, p.Data!.Length % 12));
        Assert.All(packets.Where(p => p.Type == QuorumPacketType.Request), p => Assert.Equal(-1L, p.Zxid));
    }

    [Fact]
    public void A_diff_is_followed_by_proposal_commit_pairs_then_newleader()
    {
        var fromLeader = QuorumGolden.Packets().Where(p => p.Record.From == 2).Select(p => p.Packet).ToList();
        var diff = fromLeader.FindIndex(p => p.Type == QuorumPacketType.Diff);
        var newLeader = fromLeader.FindIndex(diff, p => p.Type == QuorumPacketType.NewLeader);
        var between = fromLeader.GetRange(diff + 1, newLeader - diff - 1);
        Assert.NotEmpty(between);
        for (var i = 0; i < between.Count; i += 2)
        {
            Assert.Equal(QuorumPacketType.Proposal, between[i].Type);
            Assert.Equal(QuorumPacket.Decode(between[i + 1].ToBytes()), new QuorumPacket(QuorumPacketType.Commit, between[i].Zxid));
        }
        Assert.Equal(between[^1].Zxid, fromLeader[diff].Zxid); // DIFF(maxCommittedLog)
    }

    [Fact]
    public void Proposal_data_is_a_txn_log_entry_with_digest_except_error_txns()
    {
        var proposals = QuorumGolden.Packets().Where(p => p.Packet.Type == QuorumPacketType.Proposal).Select(p => p.Packet).ToList();
        Assert.Contains(proposals, p => TxnLogEntry.Decode(p.Data!).Txn.Type == OpCode.Error);
        foreach (var proposal in proposals)
        {
            var entry = TxnLogEntry.Decode(proposal.Data!);
            Assert.Equal(proposal.Zxid, entry.Zxid);
            if (entry.Txn.Type == OpCode.Error)
                Assert.Null(entry.Digest);
            else
                Assert.Equal(TxnDigest.CurrentVersion, entry.Digest!.Version);
            Assert.Equal(Convert.ToHexString(proposal.Data!), Convert.ToHexString(entry.ToBytes()));
        }
    }

    [Fact]
    public void Requests_from_a_follower_carry_the_clients_auth_ids()
    {
        var withAuth = QuorumGolden.Packets().Select(p => p.Packet).First(p => p.Type == QuorumPacketType.Request && p.AuthInfo is { Count: > 0 });
        Assert.Equal("ip", withAuth.AuthInfo![0].Scheme);
        Assert.Equal("127.0.0.1", withAuth.AuthInfo[0].Ident);
    }
}
