using AkkaZk.Jute.Quorum;

namespace AkkaZk.Jute.Tests.Quorum;

/// <summary>Election-port bytes captured from ZooKeeper 3.8.0 decode and re-encode byte-identically.</summary>
public sealed class ElectionGoldenTests
{
    [Fact]
    public void Initial_messages_are_v1_with_the_senders_election_address()
    {
        var initials = QuorumGolden.OfKind("initial").ToList();
        Assert.NotEmpty(initials);
        foreach (var record in initials)
        {
            Assert.True(ElectionInitialMessage.TryRead(record.Bytes, out var message, out var consumed));
            Assert.Equal(record.Bytes.Length, consumed);
            Assert.Equal(ElectionInitialMessage.ProtocolV1, message!.ProtocolVersion);
            Assert.Equal(record.From, message.Sid);
            Assert.StartsWith("127.0.0.1:", message.Address, StringComparison.Ordinal);
            Assert.Equal(Convert.ToHexString(record.Bytes), Convert.ToHexString(message.ToBytes()));
            for (var cut = 0; cut < record.Bytes.Length; cut++)
                Assert.False(ElectionInitialMessage.TryRead(record.Bytes.AsSpan(0, cut), out _, out _));
        }
    }

    [Fact]
    public void Every_notification_frame_round_trips()
    {
        var frames = QuorumGolden.OfKind("notification").ToList();
        Assert.True(frames.Count >= 6);
        foreach (var record in frames)
        {
            Assert.True(ElectionFraming.TryReadFrame(record.Bytes, out var offset, out var length));
            Assert.Equal(record.Bytes.Length - 4, length);
            var notification = Notification.Decode(record.Bytes.AsSpan(offset, length));
            Assert.Equal(Notification.CurrentVersion, notification.Version);
            Assert.StartsWith(notification.State.ToString().ToUpperInvariant(), record.Description, StringComparison.Ordinal);
            Assert.Contains($"leader={notification.Leader} ", record.Description, StringComparison.Ordinal);
            Assert.Contains($"electionEpoch={notification.ElectionEpoch} peerEpoch={notification.PeerEpoch} ", record.Description, StringComparison.Ordinal);
            var writer = new JuteWriter();
            ElectionFraming.WriteFrame(writer, notification.ToBytes());
            Assert.Equal(Convert.ToHexString(record.Bytes), Convert.ToHexString(writer.WrittenSpan));
        }
    }

    [Fact]
    public void Notifications_carry_the_static_config_string_with_version_0()
    {
        var n = Notification.Decode(QuorumGolden.OfKind("notification").First().Bytes.AsSpan(4));
        var lines = n.Config.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^server\.1=127\.0\.0\.1:\d+:\d+:participant$", lines[0]);
        Assert.Equal("version=0", lines[3]);
    }

    [Fact]
    public void Looking_following_and_leading_states_were_all_captured()
    {
        var states = QuorumGolden.OfKind("notification").Select(r => Notification.Decode(r.Bytes.AsSpan(4)).State).ToHashSet();
        Assert.Contains(ServerState.Looking, states);
        Assert.Contains(ServerState.Following, states);
        Assert.Contains(ServerState.Leading, states);
    }

    [Fact]
    public void A_follower_answers_a_looking_peer_with_its_vote_and_the_new_epoch()
    {
        // ZOOKEEPER-1732: after sync the vote's peerEpoch is the new epoch (1) while its zxid stays the election's.
        var following = QuorumGolden.OfKind("notification").Select(r => Notification.Decode(r.Bytes.AsSpan(4)))
            .First(n => n.State == ServerState.Following);
        Assert.Equal(2, following.Leader);
        Assert.Equal(1, following.PeerEpoch);
        Assert.Equal(0, following.Zxid);
    }
}
