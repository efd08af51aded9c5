using AkkaZk.Jute.Quorum;

namespace AkkaZk.Consensus.Tests;

/// <summary>Shorthands for quorum packets in tests.</summary>
internal static class Packets
{
    public static long Z(long epoch, long counter) => ZxidUtils.MakeZxid(epoch, counter);

    public static QuorumPacket FollowerInfo(long sid, long acceptedEpoch) =>
        new(QuorumPacketType.FollowerInfo, Z(acceptedEpoch, 0), LearnerInfo.Current(sid).ToBytes());

    public static QuorumPacket ObserverInfo(long sid, long acceptedEpoch) =>
        new(QuorumPacketType.ObserverInfo, Z(acceptedEpoch, 0), LearnerInfo.Current(sid).ToBytes());

    public static QuorumPacket LeaderInfo(long epoch) =>
        new(QuorumPacketType.LeaderInfo, Z(epoch, 0), QuorumPacketData.Int(LearnerInfo.CurrentProtocolVersion));

    public static QuorumPacket AckEpoch(long lastZxid, int currentEpoch) =>
        new(QuorumPacketType.AckEpoch, lastZxid, QuorumPacketData.Int(currentEpoch));

    public static QuorumPacket Ack(long zxid) => new(QuorumPacketType.Ack, zxid);

    public static QuorumPacket Commit(long zxid) => new(QuorumPacketType.Commit, zxid);

    public static QuorumPacket Op(int type, long zxid) => new(type, zxid);

    public static QuorumPacket Proposal(ZabTxn txn) => new(QuorumPacketType.Proposal, txn.Zxid, txn.Data);

    public static QuorumPacket NewLeaderPacket(long epoch, QuorumConfig config) =>
        new(QuorumPacketType.NewLeader, Z(epoch, 0), System.Text.Encoding.UTF8.GetBytes(config.ConfigString));

    public static QuorumPacket UpToDate { get; } = new(QuorumPacketType.UpToDate, -1);

    public static string Names<T>(Ready<T> ready) => string.Join(" ", ready.Send.Select(s => $"{s.To}:{s.Message}"));

    public static IEnumerable<QuorumPacket> To(this Ready<QuorumPacket> ready, long sid) =>
        ready.Send.Where(s => s.To == sid).Select(s => s.Message);
}
