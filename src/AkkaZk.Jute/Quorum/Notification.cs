using System.Buffers.Binary;
using System.Text;

namespace AkkaZk.Jute.Quorum;

/// <summary>
/// A fast-leader-election notification (FastLeaderElection.buildMsg, layout version 2): int state, long leader,
/// long zxid, long electionEpoch, long peerEpoch, int version, int configLength, UTF-8 config. The sender's sid is
/// not in the payload; it comes from the connection.
/// </summary>
public sealed record Notification(
    ServerState State, long Leader, long Zxid, long ElectionEpoch, long PeerEpoch, int Version, string Config)
{
    /// <summary>Notification.CURRENTVERSION.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The shortest payload receivers accept (no peerEpoch: it is derived from the zxid).</summary>
    public const int MinLength = 28;

    /// <summary>The 3.4-era payload with peerEpoch but no version.</summary>
    public const int LengthWithoutVersion = 40;

    public const int HeaderLength = 44;

    public static Notification Create(ServerState state, long leader, long zxid, long electionEpoch, long peerEpoch, string config) =>
        new(state, leader, zxid, electionEpoch, peerEpoch, CurrentVersion, config);

    /// <summary>Writes the version-2 layout (whatever <see cref="Version"/> says, the config part is always present).</summary>
    public void Write(JuteWriter writer)
    {
        writer.WriteInt((int)State);
        writer.WriteLong(Leader);
        writer.WriteLong(Zxid);
        writer.WriteLong(ElectionEpoch);
        writer.WriteLong(PeerEpoch);
        writer.WriteInt(Version);
        writer.WriteBuffer(Encoding.UTF8.GetBytes(Config));
    }

    public byte[] ToBytes()
    {
        var writer = new JuteWriter(HeaderLength + Config.Length);
        Write(writer);
        return writer.ToArray();
    }

    /// <summary>
    /// Decodes as FastLeaderElection's WorkerReceiver: 28 bytes (peerEpoch from the zxid), 40 bytes (version 0) or
    /// ≥ 44 with a config when version &gt; 1. False for what the receiver drops: under 28 bytes, an unknown state,
    /// a config length outside 0..remaining, or a truncated field.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out Notification? notification)
    {
        notification = null;
        if (payload.Length < MinLength) return false;
        var state = BinaryPrimitives.ReadInt32BigEndian(payload);
        if (state is < 0 or > 3) return false;
        var leader = BinaryPrimitives.ReadInt64BigEndian(payload[4..]);
        var zxid = BinaryPrimitives.ReadInt64BigEndian(payload[12..]);
        var electionEpoch = BinaryPrimitives.ReadInt64BigEndian(payload[20..]);
        long peerEpoch;
        var version = 0;
        var config = string.Empty;
        if (payload.Length == MinLength)
            peerEpoch = ZxidUtils.GetEpoch(zxid);
        else
        {
            if (payload.Length < 36) return false;
            peerEpoch = BinaryPrimitives.ReadInt64BigEndian(payload[28..]);
            if (payload.Length != LengthWithoutVersion)
            {
                if (payload.Length < 40) return false;
                version = BinaryPrimitives.ReadInt32BigEndian(payload[36..]);
            }
        }
        if (version > 1)
        {
            if (payload.Length < HeaderLength) return false;
            var configLength = BinaryPrimitives.ReadInt32BigEndian(payload[40..]);
            if (configLength < 0 || configLength > payload.Length - HeaderLength) return false;
            config = Encoding.UTF8.GetString(payload.Slice(HeaderLength, configLength));
        }
        notification = new Notification((ServerState)state, leader, zxid, electionEpoch, peerEpoch, version, config);
        return true;
    }

    public static Notification Decode(ReadOnlySpan<byte> payload) =>
        TryDecode(payload, out var n) ? n! : throw new JuteException($"Malformed notification of {payload.Length} bytes");

    public override string ToString() =>
        $"{State} leader={Leader} zxid={ZxidUtils.ToHex(Zxid)} round={ElectionEpoch} peerEpoch={PeerEpoch}";
}
