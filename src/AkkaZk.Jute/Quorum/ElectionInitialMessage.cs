using System.Buffers.Binary;
using System.Text;

namespace AkkaZk.Jute.Quorum;

/// <summary>
/// The first bytes an election-port initiator sends (QuorumCnxManager.InitialMessage): long protocolVersion,
/// long sid, int addrLen, UTF-8 "host:port". Not length-prefixed. A first long ≥ 0 is a pre-3.5 bare sid.
/// </summary>
public sealed record ElectionInitialMessage(long ProtocolVersion, long Sid, string Address)
{
    /// <summary>PROTOCOL_VERSION_V1: what 3.8 sends unless multi-address is enabled everywhere (ZOOKEEPER-3720).</summary>
    public const long ProtocolV1 = -65536;

    /// <summary>PROTOCOL_VERSION_V2: several addresses separated by '|'.</summary>
    public const long ProtocolV2 = -65535;

    /// <summary>Marks the pre-3.5 form, which is only the sid.</summary>
    public const long ProtocolLegacy = 0;

    /// <summary>QuorumCnxManager.maxBuffer: the longest address string accepted.</summary>
    public const int MaxAddressLength = 2048;

    public static ElectionInitialMessage V1(long sid, string address) => new(ProtocolV1, sid, address);

    public bool IsLegacy => ProtocolVersion == ProtocolLegacy;

    public void Write(JuteWriter writer)
    {
        if (IsLegacy)
        {
            writer.WriteLong(Sid);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(Address);
        writer.WriteLong(ProtocolVersion);
        writer.WriteLong(Sid);
        writer.WriteInt(bytes.Length);
        writer.WriteRaw(bytes);
    }

    public byte[] ToBytes()
    {
        var writer = new JuteWriter(32 + Address.Length);
        Write(writer);
        return writer.ToArray();
    }

    /// <summary>
    /// Parses the message at the start of <paramref name="input"/>. False when more bytes are needed; throws
    /// <see cref="JuteException"/> for an unknown protocol version or an address length outside 1..2048, as the
    /// receiver then closes the connection.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> input, out ElectionInitialMessage? message, out int consumed)
    {
        message = null;
        consumed = 0;
        if (input.Length < 8) return false;
        var protocol = BinaryPrimitives.ReadInt64BigEndian(input);
        if (protocol >= 0)
        {
            message = new ElectionInitialMessage(ProtocolLegacy, protocol, string.Empty);
            consumed = 8;
            return true;
        }
        if (protocol != ProtocolV1 && protocol != ProtocolV2)
            throw new JuteException($"Got unrecognized protocol version {protocol}");
        if (input.Length < 20) return false;
        var sid = BinaryPrimitives.ReadInt64BigEndian(input[8..]);
        var length = BinaryPrimitives.ReadInt32BigEndian(input[16..]);
        if (length <= 0 || length > MaxAddressLength)
            throw new JuteException($"Unreasonable buffer length: {length}");
        if (input.Length < 20 + length) return false;
        message = new ElectionInitialMessage(protocol, sid, Encoding.UTF8.GetString(input.Slice(20, length)));
        consumed = 20 + length;
        return true;
    }
}
