using AkkaZk.DataTree;
using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

/// <summary>A tree plus its preparer, driven the way the server will: prep with the next zxid, apply, acknowledge.</summary>
internal sealed class Harness
{
    public static readonly IReadOnlyList<Id> NoAuth = [];

    public Harness(PrepSettings? settings = null, DataTree? tree = null)
    {
        Tree = tree ?? new DataTree(settings?.ExtendedTypesEnabled ?? false);
        Prep = new TxnPreparer(Tree, settings ?? new PrepSettings());
        Zxid = Tree.LastProcessedZxid;
    }

    public DataTree Tree { get; }
    public TxnPreparer Prep { get; }
    public long Zxid { get; private set; }
    public long Time { get; set; } = 1_000;
    public List<Txn> Log { get; } = [];

    public PrepContext Next(long session = 1, IReadOnlyList<Id>? auth = null, int cxid = 7) =>
        new(session, cxid, ++Zxid, Time++, auth ?? NoAuth);

    public ProcessTxnResult Apply(Txn txn)
    {
        Log.Add(txn);
        var result = Tree.ProcessTxn(txn);
        Prep.Applied(txn.Zxid);
        return result;
    }

    public Txn PrepOnly(PrepOp op, long session = 1, IReadOnlyList<Id>? auth = null) => Prep.Prepare(Next(session, auth), op);

    public ProcessTxnResult Run(PrepOp op, long session = 1, IReadOnlyList<Id>? auth = null) => Apply(PrepOnly(op, session, auth));

    public ErrorCode Err(PrepOp op, long session = 1, IReadOnlyList<Id>? auth = null)
    {
        var txn = PrepOnly(op, session, auth);
        Apply(txn);
        return ErrOf(txn);
    }

    public ProcessTxnResult Multi(params PrepOp[] ops) => Apply(Prep.PrepareMulti(Next(), ops));

    public ProcessTxnResult Create(string path, string? data = null, int flags = 0, long session = 1,
        IReadOnlyList<Acl>? acl = null, IReadOnlyList<Id>? auth = null, int opCode = OpCode.Create2, long ttl = -1) =>
        Run(new PrepOp.Create(opCode, path, data is null ? null : Bytes(data), acl ?? Acl.OpenAclUnsafe, flags, ttl), session, auth);

    public ProcessTxnResult Delete(string path, int version = -1, long session = 1) => Run(new PrepOp.Delete(path, version), session);

    public ProcessTxnResult SetData(string path, string data, int version = -1, long session = 1) =>
        Run(new PrepOp.SetData(path, Bytes(data), version), session);

    public ProcessTxnResult CreateSession(long session, int timeout = 30_000) =>
        Apply(Prep.PrepareCreateSession(Next(session), timeout));

    public ProcessTxnResult CloseSession(long session) => Apply(Prep.PrepareCloseSession(Next(session)));

    public Stat Stat(string path)
    {
        Assert.Equal(ErrorCode.Ok, Tree.Exists(path, null, NoAuth, out var stat));
        return stat;
    }

    public static ErrorCode ErrOf(Txn txn) =>
        txn.Header.Type == OpCode.Error ? (ErrorCode)((ErrorTxn)txn.Body).Err : ErrorCode.Ok;

    public static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    public static PrepOp.Create CreateOp(string path, string? data = null, int flags = 0, IReadOnlyList<Acl>? acl = null, int opCode = OpCode.Create) =>
        new(opCode, path, data is null ? null : Bytes(data), acl ?? Acl.OpenAclUnsafe, flags);
}

/// <summary>Records what the tree delivered, with the ACL it asked to filter against.</summary>
internal sealed class RecordingWatcher(long sessionId = 1) : IWatcher
{
    public long SessionId { get; } = sessionId;
    public List<(WatchedEvent Event, IReadOnlyList<Acl>? Acl)> Received { get; } = [];
    public IEnumerable<WatchedEvent> Events => Received.Select(r => r.Event);

    public void Process(WatchedEvent e, IReadOnlyList<Acl>? acl) => Received.Add((e, acl));

    public void Clear() => Received.Clear();
}
