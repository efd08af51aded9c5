using System.Text;
using AkkaZk.Jute;

namespace AkkaZk.Differential.Tests.Differential;

/// <summary>One step of a differential sequence, run on the same session slot of both servers.</summary>
public abstract record Op(int Slot)
{
    /// <summary>An ordinary request (positive xid) and its record.</summary>
    public sealed record Request(int Slot, int OpCode, IRequestRecord? Record) : Op(Slot)
    {
        public override string ToString() => $"S{Slot} {OpFormat.Name(OpCode)}({OpFormat.Record(Record)})";
    }

    /// <summary>An auth packet (xid −4); a failure closes the connection.</summary>
    public sealed record Auth(int Slot, string Scheme, string Credentials) : Op(Slot)
    {
        public override string ToString() => $"S{Slot} auth({Scheme}, \"{Credentials}\")";
    }

    /// <summary>Drops the connection without closing the session.</summary>
    public sealed record Disconnect(int Slot) : Op(Slot)
    {
        public override string ToString() => $"S{Slot} disconnect";
    }

    /// <summary>Reconnects a dropped session, sends SetWatches/SetWatches2 (xid −8) for its client-side watches, re-sends its auth.</summary>
    public sealed record Reconnect(int Slot, bool SetWatches2) : Op(Slot)
    {
        public override string ToString() => $"S{Slot} reconnect(setWatches{(SetWatches2 ? "2" : "")})";
    }

    /// <summary>closeSession (−11), then a new session opens in the slot.</summary>
    public sealed record CloseSession(int Slot) : Op(Slot)
    {
        public override string ToString() => $"S{Slot} closeSession+reopen";
    }
}

/// <summary>Readable text for ops and records in divergence reports.</summary>
public static class OpFormat
{
    public static string Name(int opCode) => opCode switch
    {
        OpCode.Create => "create",
        OpCode.Delete => "delete",
        OpCode.Exists => "exists",
        OpCode.GetData => "getData",
        OpCode.SetData => "setData",
        OpCode.GetAcl => "getACL",
        OpCode.SetAcl => "setACL",
        OpCode.GetChildren => "getChildren",
        OpCode.Sync => "sync",
        OpCode.Ping => "ping",
        OpCode.GetChildren2 => "getChildren2",
        OpCode.Check => "check",
        OpCode.Multi => "multi",
        OpCode.Create2 => "create2",
        OpCode.CheckWatches => "checkWatches",
        OpCode.RemoveWatches => "removeWatches",
        OpCode.CreateContainer => "createContainer",
        OpCode.CreateTtl => "createTTL",
        OpCode.MultiRead => "multiRead",
        OpCode.GetEphemerals => "getEphemerals",
        OpCode.GetAllChildrenNumber => "getAllChildrenNumber",
        OpCode.AddWatch => "addWatch",
        OpCode.WhoAmI => "whoAmI",
        OpCode.SetWatches => "setWatches",
        OpCode.SetWatches2 => "setWatches2",
        OpCode.CloseSession => "closeSession",
        OpCode.Error => "error",
        _ => $"opcode{opCode}",
    };

    public static string Record(IRequestRecord? record) => record switch
    {
        null => "",
        CreateRequest r => $"{Path(r.Path)}, {Data(r.Data)}, {Acl(r.Acl)}, flags={r.Flags}",
        CreateTtlRequest r => $"{Path(r.Path)}, {Data(r.Data)}, {Acl(r.Acl)}, flags={r.Flags}, ttl={r.Ttl}",
        DeleteRequest r => $"{Path(r.Path)}, v={r.Version}",
        SetDataRequest r => $"{Path(r.Path)}, {Data(r.Data)}, v={r.Version}",
        CheckVersionRequest r => $"{Path(r.Path)}, v={r.Version}",
        ExistsRequest r => $"{Path(r.Path)}, watch={r.Watch}",
        GetDataRequest r => $"{Path(r.Path)}, watch={r.Watch}",
        GetChildrenRequest r => $"{Path(r.Path)}, watch={r.Watch}",
        GetChildren2Request r => $"{Path(r.Path)}, watch={r.Watch}",
        GetAclRequest r => Path(r.Path),
        SetAclRequest r => $"{Path(r.Path)}, {Acl(r.Acl)}, v={r.Version}",
        SyncRequest r => Path(r.Path),
        GetAllChildrenNumberRequest r => Path(r.Path),
        GetEphemeralsRequest r => Path(r.PrefixPath),
        AddWatchRequest r => $"{Path(r.Path)}, mode={r.Mode}",
        CheckWatchesRequest r => $"{Path(r.Path)}, type={r.Type}",
        RemoveWatchesRequest r => $"{Path(r.Path)}, type={r.Type}",
        MultiRequest r => string.Join("; ", r.Ops.Select(op => $"{Name(op.Type)}({Record(op.Record)})")),
        SetWatches r => $"rel={r.RelativeZxid}, data={List(r.DataWatches)}, exist={List(r.ExistWatches)}, child={List(r.ChildWatches)}",
        SetWatches2 r => $"rel={r.RelativeZxid}, data={List(r.DataWatches)}, exist={List(r.ExistWatches)}, child={List(r.ChildWatches)}, persistent={List(r.PersistentWatches)}, recursive={List(r.PersistentRecursiveWatches)}",
        _ => record.GetType().Name,
    };

    public static string Path(string? path)
    {
        if (path is null) return "null";
        var text = new StringBuilder("\"");
        foreach (var c in path)
        {
            if (c < ' ' || c == '"') text.Append($"\\u{(int)c:x4}");
            else text.Append(c);
        }
        return text.Append('"').ToString();
    }

    public static string Data(byte[]? data) => data is null ? "null" : $"0x{Convert.ToHexString(data)}";

    public static string Acl(IReadOnlyList<Acl>? acl) =>
        acl is null ? "null" : "[" + string.Join(", ", acl.Select(a => $"{a.Perms}:{a.Id.Scheme}:{a.Id.Ident}")) + "]";

    public static string List(IEnumerable<string>? items) => items is null ? "null" : "[" + string.Join(", ", items) + "]";
}
