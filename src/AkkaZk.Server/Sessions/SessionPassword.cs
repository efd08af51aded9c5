namespace AkkaZk.Server.Sessions;

/// <summary>
/// The session password, bit-for-bit as ZooKeeper's generatePasswd: 16 bytes from java.util.Random seeded
/// with sessionId ^ superSecret, so a password issued by any server of a mixed ensemble verifies on any other.
/// </summary>
public static class SessionPassword
{
    public const int Length = 16;
    private const long SuperSecret = 0xB3415C00L;
    private const long Multiplier = 0x5DEECE66DL;
    private const long Mask = (1L << 48) - 1;

    public static byte[] Generate(long sessionId)
    {
        var password = new byte[Length];
        var seed = ((sessionId ^ SuperSecret) ^ Multiplier) & Mask;
        for (var i = 0; i < Length; i += 4)
        {
            seed = (seed * Multiplier + 0xBL) & Mask;
            var random = (int)((ulong)seed >> 16);
            // java.util.Random.nextBytes emits each int low byte first.
            for (var b = 0; b < 4; b++) password[i + b] = (byte)(random >> (8 * b));
        }
        return password;
    }

    public static bool Verify(long sessionId, ReadOnlySpan<byte> password) =>
        password.Length == Length && password.SequenceEqual(Generate(sessionId));
}
