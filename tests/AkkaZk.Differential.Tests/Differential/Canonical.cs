using AkkaZk.Client;
using AkkaZk.Jute;

namespace AkkaZk.Differential.Tests.Differential;

/// <summary>
/// Renders one server's replies in a server-independent form, so the two servers' texts can be compared as
/// strings: zxids relative to the zxid the server reported when the sequence began (both servers consume
/// zxids for the same writes, so the offsets must agree), session ids as the slot labels S0, S1, ... in
/// opening order, children and other unordered sets sorted, ctime/mtime only sanity-checked.
/// </summary>
public sealed class Canonical(bool isZooKeeper)
{
    private readonly Dictionary<long, string> _sessionLabels = [];
    private long _baseZxid;
    private long _startMs;

    public bool IsZooKeeper { get; } = isZooKeeper;

    public void Begin(long baseZxid)
    {
        _baseZxid = baseZxid;
        _startMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        _sessionLabels.Clear();
    }

    public void LabelSession(long sessionId, string label) => _sessionLabels[sessionId] = label;

    public string Zxid(long zxid) => zxid switch
    {
        <= 0 => zxid.ToString(),
        _ when zxid > _baseZxid => $"+{zxid - _baseZxid}",
        _ => "pre",
    };

    public string Owner(long owner) => owner == 0 ? "0" : _sessionLabels.TryGetValue(owner, out var label) ? label : $"0x{owner:x}";

    public string Stat(Stat s)
    {
        var text = $"{{cz={Zxid(s.Czxid)} mz={Zxid(s.Mzxid)} pz={Zxid(s.Pzxid)} v={s.Version} cv={s.Cversion} av={s.Aversion} owner={Owner(s.EphemeralOwner)} len={s.DataLength} n={s.NumChildren}";
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var sane = s.Czxid > _baseZxid
            ? s.Ctime >= _startMs - 5000 && s.Ctime <= now + 5000 && s.Mtime >= s.Ctime - 1000 && s.Mtime <= now + 5000
            : s.Ctime >= 0 && s.Mtime >= 0 && s.Mtime <= now + 5000;
        if (!sane) text += $" TIMES?(ctime={s.Ctime} mtime={s.Mtime} start={_startMs})";
        return text + "}";
    }

    public string Reply(ZkReply reply, int sentXid, Op.Request? request)
    {
        var h = reply.Header;
        var xid = h.Xid == sentXid ? "" : $" XID?({h.Xid}≠{sentXid})";
        if (TtlFlagCreateReached(reply, request) is { } index)
            return $"multi refused at op {index}, a create with a TTL flag and no ttl (3.8.0: MarshallingError; 3.8.6: BadArguments) zxid={Zxid(h.Zxid)}{xid}";
        var err = h.Err == 0 ? "ok" : $"err={(ErrorCode)h.Err}";
        return $"{err} zxid={Zxid(h.Zxid)}{xid}{Body(reply.Body, request)}";
    }

    /// <summary>
    /// Known difference (a ZooKeeper 3.8.0 bug): a create/create2/createContainer sub-op (CreateRequest, no ttl)
    /// with a TTL flag becomes a createTTL op whose prep casts the CreateRequest to CreateTTLRequest; the
    /// ClassCastException fails the whole multi with MarshallingError once that op is reached. 3.8.6 (and
    /// AkkaZk) build a createTTL with ttl −1 there, which fails that op with BadArguments. Both consume one
    /// zxid and apply nothing. Returns the op's index when this reply is that case in this server's form.
    /// </summary>
    private int? TtlFlagCreateReached(ZkReply reply, Op.Request? request)
    {
        if (request is not { OpCode: OpCode.Multi, Record: MultiRequest multi } || multi.Ops.Any(op => op.IsRead)) return null;
        var index = -1;
        for (var i = 0; i < multi.Ops.Count && index < 0; i++)
        {
            if (multi.Ops[i].Record is CreateRequest { Flags: 5 or 6 }) index = i;
        }
        if (index < 0) return null;
        if (IsZooKeeper) return reply.Header.Err == (int)ErrorCode.MarshallingError ? index : null;
        if (reply.Header.Err != 0 || reply.Body is not MultiResponse response || response.Results.Count != multi.Ops.Count) return null;
        for (var i = 0; i < response.Results.Count; i++)
        {
            var expected = i < index ? ErrorCode.Ok : i == index ? ErrorCode.BadArguments : ErrorCode.RuntimeInconsistency;
            if (response.Results[i] is not OpResult.Error e || e.Err != (int)expected) return null;
        }
        return index;
    }

    private string Body(IResponseRecord? body, Op.Request? request) => body switch
    {
        null => "",
        CreateResponse r => $" path={OpFormat.Path(r.Path)}",
        Create2Response r => $" path={OpFormat.Path(r.Path)} stat={Stat(r.Stat)}",
        ExistsResponse r => $" stat={Stat(r.Stat)}",
        GetDataResponse r => $" data={OpFormat.Data(r.Data)} stat={Stat(r.Stat)}",
        SetDataResponse r => $" stat={Stat(r.Stat)}",
        SetAclResponse r => $" stat={Stat(r.Stat)}",
        GetAclResponse r => $" acl={OpFormat.Acl(r.Acl)} stat={Stat(r.Stat)}",
        GetChildrenResponse r => $" children={Sorted(r.Children)}",
        GetChildren2Response r => $" children={Sorted(r.Children)} stat={Stat(r.Stat)}",
        SyncResponse r => $" path={OpFormat.Path(r.Path)}",
        GetEphemeralsResponse r => $" ephemerals={Sorted(r.Ephemerals)}",
        GetAllChildrenNumberResponse r => $" total={r.TotalNumber}",
        ErrorResponse r => $" errbody={r.Err}",
        WhoAmIResponse r => $" whoami=[{string.Join(", ", r.ClientInfo.Select(c => $"{c.AuthScheme}:{c.User}"))}]",
        MultiResponse r => " results=[" + string.Join(", ", r.Results.Select((result, i) => Result(result, SubOp(request, i)))) + "]",
        _ => $" {body.GetType().Name}",
    };

    private static MultiOp? SubOp(Op.Request? request, int index) =>
        request?.Record is MultiRequest multi && index < multi.Ops.Count ? multi.Ops[index] : null;

    private string Result(OpResult result, MultiOp? op)
    {
        // Known difference: ZooKeeper 3.8.0/3.8.1 answer a plain create2 (15) sub-op with a create (1) result,
        // path only (ZOOKEEPER-4026); AkkaZk answers as 3.8.2+, a create2 result with the Stat. Each side must
        // give its own form; both render the same.
        if (op is { Type: OpCode.Create2 } && op.EffectiveType == OpCode.Create2)
        {
            switch (result)
            {
                case OpResult.Create c when IsZooKeeper:
                    return $"create2*({OpFormat.Path(c.Path)})";
                case OpResult.Create2 c when !IsZooKeeper:
                    return $"create2*({OpFormat.Path(c.Path)})";
            }
        }
        return result switch
        {
            OpResult.Create c => $"create({OpFormat.Path(c.Path)})",
            OpResult.Create2 c => $"create2({OpFormat.Path(c.Path)} {Stat(c.Stat)})",
            OpResult.Delete => "delete",
            OpResult.SetData s => $"setData({Stat(s.Stat)})",
            OpResult.Check => "check",
            OpResult.GetData g => $"getData({OpFormat.Data(g.Data)} {Stat(g.Stat)})",
            OpResult.GetChildren g => $"getChildren({Sorted(g.Children)})",
            OpResult.Error e => $"error({(ErrorCode)e.Err})",
            _ => result.GetType().Name,
        };
    }

    public static string Sorted(IEnumerable<string> items) =>
        "[" + string.Join(", ", items.Order(StringComparer.Ordinal).Select(OpFormat.Path)) + "]";

    public static string Event(WatcherEvent e) =>
        $"{(EventType)e.Type} {OpFormat.Path(e.Path)}{(e.State == (int)KeeperState.SyncConnected ? "" : $" state={e.State}")}";
}
