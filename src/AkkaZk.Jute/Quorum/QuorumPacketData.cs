using System.Buffers.Binary;

namespace AkkaZk.Jute.Quorum;

/// <summary>The 4-byte int payloads of LEADERINFO (protocol 0x10000) and ACKEPOCH (currentEpoch or −1).</summary>
public static class QuorumPacketData
{
    public static byte[] Int(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    /// <summary>The int at the start of the data; <paramref name="fallback"/> when the data is null or shorter.</summary>
    public static int ReadInt(byte[]? data, int fallback = -1) =>
        data is { Length: >= 4 } ? BinaryPrimitives.ReadInt32BigEndian(data) : fallback;
}
