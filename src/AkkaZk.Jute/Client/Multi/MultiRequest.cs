namespace AkkaZk.Jute;

/// <summary>
/// MultiOperationRecord: the body of multi (14) and multiRead (22). Each op is MultiHeader{type, false, −1} + its
/// record; the list ends with {−1, true, −1}. Reads and writes cannot be mixed (ZooKeeper: MarshallingError).
/// </summary>
public sealed record MultiRequest(IReadOnlyList<MultiOp> Ops) : IRequestRecord
{
    /// <summary>True when there is at least one op and all are reads (4, 8). An empty multi is neither;
    /// the opcode (14 or 22) decides how it runs.</summary>
    public bool IsRead => Ops.Count > 0 && Ops.All(op => op.IsRead);

    public static MultiRequest Read(ref JuteReader reader)
    {
        var ops = new List<MultiOp>();
        bool? reads = null;
        while (true)
        {
            var header = MultiHeader.Read(ref reader);
            if (header.Done) return new MultiRequest(ops);
            var op = MultiOp.Read(header.Type, ref reader);
            if (reads is { } kind && kind != op.IsRead)
                throw new JuteException("Mixing read and write operations in a multi request is not allowed");
            reads = op.IsRead;
            ops.Add(op);
        }
    }

    public void Write(JuteWriter writer)
    {
        foreach (var op in Ops)
        {
            new MultiHeader(op.Type, false, -1).Write(writer);
            op.Record.Write(writer);
        }
        MultiHeader.End.Write(writer);
    }
}
