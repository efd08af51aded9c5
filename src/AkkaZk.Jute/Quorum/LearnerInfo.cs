using System.Buffers.Binary;

namespace AkkaZk.Jute.Quorum;

/// <summary>LearnerInfo {long serverid; int protocolVersion; long configVersion}: FOLLOWERINFO/OBSERVERINFO data.</summary>
public sealed record LearnerInfo(long ServerId, int ProtocolVersion, long ConfigVersion)
{
    /// <summary>The learner protocol of 3.4+ peers (0x10000): LEADERINFO/ACKEPOCH are exchanged.</summary>
    public const int CurrentProtocolVersion = 0x10000;

    /// <summary>LearnerHandler's default when the data is too short to carry a version (pre-Zab-1.0).</summary>
    public const int DefaultProtocolVersion = 0x1;

    public const int WireLength = 20;

    public static LearnerInfo Current(long serverId, long configVersion = 0) => new(serverId, CurrentProtocolVersion, configVersion);

    public byte[] ToBytes()
    {
        var bytes = new byte[WireLength];
        BinaryPrimitives.WriteInt64BigEndian(bytes, ServerId);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), ProtocolVersion);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(12), ConfigVersion);
        return bytes;
    }

    /// <summary>
    /// Reads the fields as LearnerHandler does, positionally and only when present: under 8 bytes leaves sid 0,
    /// under 12 leaves protocol 0x1, under 20 leaves configVersion 0. Null data gives null (the leader then
    /// assigns a negative sid).
    /// </summary>
    public static LearnerInfo? Parse(byte[]? data)
    {
        if (data is null) return null;
        var sid = data.Length >= 8 ? BinaryPrimitives.ReadInt64BigEndian(data) : 0;
        var protocol = data.Length >= 12 ? BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(8)) : DefaultProtocolVersion;
        var configVersion = data.Length >= 20 ? BinaryPrimitives.ReadInt64BigEndian(data.AsSpan(12)) : 0;
        return new LearnerInfo(sid, protocol, configVersion);
    }
}
