using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>
/// ZooKeeper's PrepRequestProcessor as a pure function of the tree plus the writes prepared but not yet
/// applied (outstandingChanges): request N+1 is validated as if N had been applied. Every write becomes a
/// txn that consumes its zxid; a failed validation becomes header type −1 with ErrorTxn(code).
/// </summary>
public sealed partial class TxnPreparer
{
    private readonly DataTree _tree;
    private readonly PrepSettings _settings;
    private readonly PendingChanges _pending = new();

    public TxnPreparer(DataTree tree, PrepSettings settings)
    {
        _tree = tree ?? throw new ArgumentNullException(nameof(tree));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>Change records not yet acknowledged through <see cref="Applied"/>.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>A single write: create*, delete, setData or setACL.</summary>
    public Txn Prepare(PrepContext ctx, PrepOp op)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(op);
        if (op is PrepOp.Check) throw new ArgumentException("check (13) is only valid inside a multi", nameof(op));
        var header = Header(ctx, TypeOf(op));
        var err = PrepareOp(ctx, op, out var body);
        return err == ErrorCode.Ok ? new Txn(header, body!) : Failed(header, err);
    }

    /// <summary>
    /// multi (14), PROTOCOL 6.3: one zxid; ops before a failure stay real sub-txns, the failing op is
    /// ErrorTxn(code), later ops ErrorTxn(−2) without being validated. Later ops see earlier ops' effects;
    /// a failure rolls back this multi's pending changes.
    /// </summary>
    public Txn PrepareMulti(PrepContext ctx, IReadOnlyList<PrepOp> ops)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(ops);
        // Reject ops a multi cannot carry before touching the pending state.
        var types = new int[ops.Count];
        var multiOps = new PrepOp[ops.Count];
        for (var i = 0; i < ops.Count; i++)
        {
            if (ops[i] is PrepOp.SetAcl) throw new ArgumentException("setACL is not a multi op", nameof(ops));
            multiOps[i] = AsMultiSubOp(ops[i]);
            types[i] = TypeOf(multiOps[i]);
        }

        var subs = new List<SubTxn>(ops.Count);
        var failed = false;
        _pending.BeginMulti();
        try
        {
            for (var i = 0; i < ops.Count; i++)
            {
                var op = multiOps[i];
                var type = types[i];
                if (failed)
                {
                    subs.Add(new SubTxn(OpCode.Error, new ErrorTxn((int)ErrorCode.RuntimeInconsistency)));
                    continue;
                }
                var err = PrepareOp(ctx, op, out var body);
                if (err == ErrorCode.Ok)
                {
                    subs.Add(new SubTxn(type, body!));
                    continue;
                }
                subs.Add(new SubTxn(OpCode.Error, new ErrorTxn((int)err)));
                failed = true;
                _pending.RollbackMulti();
            }
        }
        finally
        {
            _pending.EndMulti();
        }
        return new Txn(Header(ctx, OpCode.Multi), new MultiTxn(subs));
    }

    /// <summary>
    /// A create sub-op as ZooKeeper's MultiOperationRecord rebuilds it (Op.create(path, data, acl, flags, ttl),
    /// 3.8.0 to 3.8.6): the ttl only survives with a TTL flag. A createTTL sub-op with any other known flag
    /// becomes a plain create (a container for the container flag) and its ttl is dropped, so it succeeds
    /// where a top-level createTTL with that flag is BadArguments.
    /// </summary>
    private static PrepOp AsMultiSubOp(PrepOp op)
    {
        if (op is not PrepOp.Create create || !CreateModeExtensions.IsKnown(create.Flags)) return op;
        var mode = (CreateMode)create.Flags;
        if (mode.IsTtl()) return op;
        var opCode = create.OpCode == OpCode.CreateTtl
            ? (mode.IsContainer() ? OpCode.CreateContainer : OpCode.Create)
            : create.OpCode;
        return create with { OpCode = opCode, Ttl = -1 };
    }

    /// <summary>
    /// reconfig (16) once the membership checks passed (PrepRequestProcessor): WRITE on /zookeeper/config unless
    /// <paramref name="skipAcl"/>, then SetDataTxn(/zookeeper/config, new config, −1).
    /// </summary>
    public Txn PrepareReconfig(PrepContext ctx, byte[] config, bool skipAcl)
    {
        var header = Header(ctx, OpCode.Reconfig);
        var node = _pending.Find(_tree, DataTree.ConfigPath);
        if (node?.Stat is not { } stat) return Failed(header, ErrorCode.NoNode);
        if (!skipAcl && !AclChecker.Check(node.Acl, Perms.Write, ctx.AuthIds)) return Failed(header, ErrorCode.NoAuth);
        _pending.Add(node with { Zxid = ctx.Zxid, Stat = stat with { Version = -1 }, Data = config });
        return new Txn(header, new SetDataTxn(DataTree.ConfigPath, config, -1));
    }

    /// <summary>A reconfig refused before its ACL check (ReconfigInProgress, BadVersion, BadArguments, NewConfigNoQuorum).</summary>
    public static Txn FailReconfig(PrepContext ctx, ErrorCode err) => Failed(Header(ctx, OpCode.Reconfig), err);

    /// <summary>createSession (−10): the timeout as negotiated by the server.</summary>
    public Txn PrepareCreateSession(PrepContext ctx, int timeoutMs) =>
        new(Header(ctx, OpCode.CreateSession), new CreateSessionTxn(timeoutMs));

    /// <summary>The tree has applied everything up to <paramref name="zxid"/>: its change records are dropped.</summary>
    public void Applied(long zxid) => _pending.Applied(zxid);

    /// <summary>Drops all pending changes (e.g. on a role change, when the unapplied proposals are discarded).</summary>
    public void Reset() => _pending.Clear();

    private ErrorCode PrepareOp(PrepContext ctx, PrepOp op, out ITxnBody? body) => op switch
    {
        PrepOp.Create create => PrepareCreate(ctx, create, out body),
        PrepOp.Delete delete => PrepareDelete(ctx, delete, out body),
        PrepOp.SetData setData => PrepareSetData(ctx, setData, out body),
        PrepOp.SetAcl setAcl => PrepareSetAcl(ctx, setAcl, out body),
        PrepOp.Check check => PrepareCheck(ctx, check, out body),
        _ => throw new ArgumentException($"Unknown op {op.GetType().Name}", nameof(op)),
    };

    private static int TypeOf(PrepOp op) => op switch
    {
        PrepOp.Create { OpCode: OpCode.Create or OpCode.Create2 or OpCode.CreateContainer or OpCode.CreateTtl } create => create.OpCode,
        PrepOp.Create create => throw new ArgumentException($"Opcode {create.OpCode} is not a create", nameof(op)),
        PrepOp.Delete => OpCode.Delete,
        PrepOp.SetData => OpCode.SetData,
        PrepOp.SetAcl => OpCode.SetAcl,
        PrepOp.Check => OpCode.Check,
        _ => throw new ArgumentException($"Unknown op {op.GetType().Name}", nameof(op)),
    };

    private static TxnHeader Header(PrepContext ctx, int type) => new(ctx.SessionId, ctx.Cxid, ctx.Zxid, ctx.Time, type);

    /// <summary>pRequestHelper's catch: the header keeps its zxid and becomes type −1 with ErrorTxn(code).</summary>
    private static Txn Failed(TxnHeader header, ErrorCode err) =>
        new(header with { Type = OpCode.Error }, new ErrorTxn((int)err));

    /// <summary>checkAndIncVersion: −1 matches any version; the new version is current + 1 (wrapping as Java int).</summary>
    private static bool CheckVersion(int current, int expected, out int next)
    {
        next = unchecked(current + 1);
        return expected == -1 || expected == current;
    }

    private EphemeralKind KindOf(long owner) => EphemeralType.Of(owner, _settings.ExtendedTypesEnabled);
}
