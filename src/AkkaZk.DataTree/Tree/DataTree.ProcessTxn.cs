using AkkaZk.Jute;

namespace AkkaZk.DataTree;

public sealed partial class DataTree
{
    /// <summary>
    /// DataTree.processTxn: applies one txn, firing watches as it goes. Apply errors (NodeExists or NoNode on
    /// replay) are tolerated and reported in the result, as ZooKeeper does (QUORUM 10.1). LastProcessedZxid
    /// becomes max(current, zxid) once the whole txn (a multi included) is applied.
    /// </summary>
    public ProcessTxnResult ProcessTxn(Txn txn)
    {
        ArgumentNullException.ThrowIfNull(txn);
        var result = Apply(txn.Header, txn.Header.Type, txn.Body);
        if (txn.Header.Zxid > LastProcessedZxid) LastProcessedZxid = txn.Header.Zxid;
        LogZxidDigest(txn.Header.Zxid);
        return result;
    }

    private ProcessTxnResult Apply(TxnHeader header, int type, ITxnBody body)
    {
        string? path = null;
        Stat? stat = null;
        IReadOnlyList<ProcessTxnResult>? multi = null;
        var err = ErrorCode.Ok;

        switch (type, body)
        {
            case (OpCode.Create or OpCode.Create2, CreateTxn create):
                path = create.Path;
                err = CreateNode(create.Path, create.Data, create.Acl, create.Ephemeral ? header.ClientId : 0,
                    create.ParentCVersion, header.Zxid, header.Time, out var created);
                if (type == OpCode.Create2) stat = created;
                // Only a plain create (type 1) adjusts the parent after NodeExists, as processTxn.
                if (err == ErrorCode.NodeExists && type == OpCode.Create)
                    err = AdjustParentAfterNodeExists(create.Path, create.ParentCVersion, header.Zxid);
                break;
            case (OpCode.CreateTtl, CreateTtlTxn ttl):
                path = ttl.Path;
                err = CreateNode(ttl.Path, ttl.Data, ttl.Acl, EphemeralType.TtlOwner(ttl.Ttl), ttl.ParentCVersion,
                    header.Zxid, header.Time, out stat);
                break;
            case (OpCode.CreateContainer, CreateContainerTxn container):
                path = container.Path;
                err = CreateNode(container.Path, container.Data, container.Acl, EphemeralType.ContainerOwner,
                    container.ParentCVersion, header.Zxid, header.Time, out stat);
                break;
            case (OpCode.Delete or OpCode.DeleteContainer, DeleteTxn delete):
                path = delete.Path;
                err = DeleteNode(delete.Path, header.Zxid);
                break;
            case (OpCode.SetData or OpCode.Reconfig, SetDataTxn setData):
                path = setData.Path;
                err = SetData(setData.Path, setData.Data, setData.Version, header.Zxid, header.Time, out stat);
                break;
            case (OpCode.SetAcl, SetAclTxn setAcl):
                path = setAcl.Path;
                err = SetAcl(setAcl.Path, setAcl.Acl, setAcl.Version, out stat);
                break;
            case (OpCode.CreateSession, CreateSessionTxn session):
                CreateSession(header.ClientId, session.TimeOut);
                break;
            case (OpCode.CloseSession, CloseSessionTxn close):
                CloseSession(header.ClientId, close.Paths2Delete, header.Zxid);
                break;
            case (OpCode.Error, ErrorTxn error):
                err = (ErrorCode)error.Err;
                break;
            case (OpCode.Check, CheckVersionTxn check):
                path = check.Path;
                break;
            case (OpCode.Multi, MultiTxn multiTxn):
                multi = ApplyMulti(header, multiTxn, out err);
                break;
            case (OpCode.CloseSession, _):
                // closeSessionTxn disabled: no body, the tree's own list is used.
                CloseSession(header.ClientId, null, header.Zxid);
                break;
            default:
                if (!IsKnownType(type))
                    break;   // processTxn ignores types it does not know
                throw new ArgumentException($"Txn type {type} carries a {body.GetType().Name}", nameof(body));
        }

        return new ProcessTxnResult(header.ClientId, header.Cxid, header.Zxid, type, err, path, stat, multi);
    }

    /// <summary>
    /// The multi branch of processTxn: if any sub-txn is an error, every other sub-txn becomes ErrorTxn(0)
    /// before the failure and ErrorTxn(−2) after it, so nothing is applied. Sub-txns share the header.
    /// The multi's err is the first non-zero sub err.
    /// </summary>
    private List<ProcessTxnResult> ApplyMulti(TxnHeader header, MultiTxn multiTxn, out ErrorCode err)
    {
        err = ErrorCode.Ok;
        var failed = multiTxn.Txns.Any(t => t.Type == OpCode.Error);
        var postFailed = false;
        var results = new List<ProcessTxnResult>(multiTxn.Txns.Count);
        foreach (var sub in multiTxn.Txns)
        {
            var type = sub.Type;
            var body = sub.Body;
            if (type == OpCode.Error)
            {
                postFailed = true;
            }
            else if (!IsMultiSubType(type))
            {
                // processTxn stops at an unknown sub-op type (an IOException it swallows).
                break;
            }
            else if (failed)
            {
                type = OpCode.Error;
                body = new ErrorTxn((int)(postFailed ? ErrorCode.RuntimeInconsistency : ErrorCode.Ok));
            }

            var subResult = Apply(header with { Type = type }, type, body);
            results.Add(subResult);
            if (subResult.Err != ErrorCode.Ok && err == ErrorCode.Ok) err = subResult.Err;
        }
        return results;
    }

    internal static bool IsMultiSubType(int type) => type is OpCode.Create or OpCode.Create2 or OpCode.CreateTtl
        or OpCode.CreateContainer or OpCode.Delete or OpCode.DeleteContainer or OpCode.SetData or OpCode.Check;

    private static bool IsKnownType(int type) => type is OpCode.Create or OpCode.Create2 or OpCode.CreateTtl
        or OpCode.CreateContainer or OpCode.Delete or OpCode.DeleteContainer or OpCode.SetData or OpCode.Reconfig
        or OpCode.SetAcl or OpCode.CreateSession or OpCode.CloseSession or OpCode.Error or OpCode.Check
        or OpCode.Multi;
}
