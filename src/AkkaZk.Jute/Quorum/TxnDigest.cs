namespace AkkaZk.Jute.Quorum;

/// <summary>TxnDigest {int version; long treeDigest}: the tree digest after the txn, appended to logged txns.</summary>
public sealed record TxnDigest(int Version, long TreeDigest)
{
    /// <summary>DigestCalculator.DIGEST_VERSION in 3.8.</summary>
    public const int CurrentVersion = 2;

    public const int WireLength = 12;

    public static TxnDigest Read(ref JuteReader reader) => new(reader.ReadInt(), reader.ReadLong());

    public void Write(JuteWriter writer)
    {
        writer.WriteInt(Version);
        writer.WriteLong(TreeDigest);
    }

    public override string ToString() => $"digest v{Version} 0x{TreeDigest:x}";
}
