namespace AkkaZk.Jute.Quorum;

/// <summary>
/// A txn as PROPOSAL/INFORM data, committedLog entries and txn-log entries carry it (Util.marshallTxnEntry):
/// TxnHeader, the record for its type, then an optional <see cref="TxnDigest"/> (absent on ErrorTxn).
/// </summary>
public sealed record TxnLogEntry(Txn Txn, TxnDigest? Digest)
{
    public long Zxid => Txn.Zxid;

    /// <param name="closeSessionTxnEnabled">
    /// zookeeper.closeSessionTxn.enabled: when false a closeSession carries no record, so none is written.
    /// </param>
    public void Write(JuteWriter writer, bool closeSessionTxnEnabled = true)
    {
        Txn.Header.Write(writer);
        if (HasRecord(Txn.Type, closeSessionTxnEnabled)) Txn.Body.Write(writer);
        Digest?.Write(writer);
    }

    public byte[] ToBytes(bool closeSessionTxnEnabled = true)
    {
        var writer = new JuteWriter(128);
        Write(writer, closeSessionTxnEnabled);
        return writer.ToArray();
    }

    /// <summary>
    /// Decodes as SerializeUtils.deserializeTxn with digest enabled: the digest is read when the bytes go on after
    /// the record, and running out (EOF) means "no digest".
    /// </summary>
    public static TxnLogEntry Decode(ReadOnlySpan<byte> bytes, bool closeSessionTxnEnabled = true)
    {
        var reader = new JuteReader(bytes, int.MaxValue);
        var header = TxnHeader.Read(ref reader);
        var body = HasRecord(header.Type, closeSessionTxnEnabled)
            ? TxnCodec.ReadBody(header.Type, ref reader)
            : new CloseSessionTxn([]);
        var digest = reader.Remaining >= TxnDigest.WireLength ? TxnDigest.Read(ref reader) : null;
        return new TxnLogEntry(new Txn(header, body), digest);
    }

    private static bool HasRecord(int type, bool closeSessionTxnEnabled) =>
        closeSessionTxnEnabled || type != OpCode.CloseSession;
}
