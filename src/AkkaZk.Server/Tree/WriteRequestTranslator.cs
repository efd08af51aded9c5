using AkkaZk.DataTree;
using AkkaZk.Jute;

namespace AkkaZk.Server.Tree;

/// <summary>Maps decoded client write records to the tree's prep operations.</summary>
public static class WriteRequestTranslator
{
    public static bool IsWrite(int opCode) => opCode is OpCode.Create or OpCode.Create2 or OpCode.CreateContainer
        or OpCode.CreateTtl or OpCode.Delete or OpCode.SetData or OpCode.SetAcl or OpCode.Multi
        or OpCode.CloseSession or OpCode.Reconfig;

    /// <summary>The prep op for a single write, or null when the record does not fit the opcode.</summary>
    public static PrepOp? ToPrepOp(int opCode, IRequestRecord? record) => (opCode, record) switch
    {
        (OpCode.Create or OpCode.Create2 or OpCode.CreateContainer or OpCode.CreateTtl, CreateRequest r) =>
            new PrepOp.Create(opCode, r.Path, r.Data, r.Acl, r.Flags, -1),
        (OpCode.CreateTtl or OpCode.CreateContainer, CreateTtlRequest r) => new PrepOp.Create(opCode, r.Path, r.Data, r.Acl, r.Flags, r.Ttl),
        (OpCode.Delete, DeleteRequest r) => new PrepOp.Delete(r.Path, r.Version),
        (OpCode.SetData, SetDataRequest r) => new PrepOp.SetData(r.Path, r.Data, r.Version),
        (OpCode.SetAcl, SetAclRequest r) => new PrepOp.SetAcl(r.Path, r.Acl, r.Version),
        (OpCode.Check, CheckVersionRequest r) => new PrepOp.Check(r.Path, r.Version),
        _ => null,
    };

    /// <summary>The prep ops of a multi, using each sub-op's effective type (ZooKeeper 3.8.2+: TTL and container flags decide).</summary>
    public static IReadOnlyList<PrepOp>? ToPrepOps(MultiRequest multi)
    {
        var ops = new List<PrepOp>(multi.Ops.Count);
        foreach (var op in multi.Ops)
        {
            var prep = ToPrepOp(op.EffectiveType, op.Record);
            if (prep is null) return null;
            ops.Add(prep);
        }
        return ops;
    }
}
