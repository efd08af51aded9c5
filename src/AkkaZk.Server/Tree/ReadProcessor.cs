using AkkaZk.Jute;
using AkkaZk.Server.Sessions;
using AkkaZk.Server.Stats;
using ZkTree = AkkaZk.DataTree.DataTree;

namespace AkkaZk.Server.Tree;

/// <summary>
/// Answers the requests that don't change the tree (reads, ping, sync, watch management) from the in-memory
/// tree, as ZooKeeper's FinalRequestProcessor does; the journal is never touched. Successful getData, exists and
/// getChildren count towards the per-namespace read bytes, as DataTree.updateReadStat.
/// </summary>
public static class ReadProcessor
{
    public static (int Err, IResponseRecord? Body) Execute(ZkTree tree, SessionContext session, int opCode, IRequestRecord? record,
        NamespaceMetrics metrics)
    {
        var watcher = session.Watcher;
        var auth = session.AuthIds;
        switch (opCode, record)
        {
            case (OpCode.Ping, _):
                return (0, null);
            case (OpCode.Exists, ExistsRequest r):
            {
                // ZooKeeper rejects a NUL in an exists path; other reads just miss.
                if (r.Path.Contains('\0')) return ((int)ErrorCode.BadArguments, null);
                var err = tree.Exists(r.Path, r.Watch ? watcher : null, auth, out var stat);
                if (err != ErrorCode.Ok) return ((int)err, null);
                metrics.Read(r.Path, 0);
                return (0, new ExistsResponse(stat));
            }
            case (OpCode.GetData, GetDataRequest r):
            {
                var err = tree.GetData(r.Path, r.Watch ? watcher : null, auth, out var data, out var stat);
                if (err != ErrorCode.Ok) return ((int)err, null);
                metrics.Read(r.Path, data?.Length ?? 0);
                return (0, new GetDataResponse(data, stat));
            }
            case (OpCode.GetChildren, GetChildrenRequest r):
            {
                var err = tree.GetChildren(r.Path, r.Watch ? watcher : null, auth, out var children, out _);
                if (err != ErrorCode.Ok) return ((int)err, null);
                metrics.Read(r.Path, NameBytes(children));
                return (0, new GetChildrenResponse(children.ToList()));
            }
            case (OpCode.GetChildren2, GetChildren2Request r):
            {
                var err = tree.GetChildren(r.Path, r.Watch ? watcher : null, auth, out var children, out var stat);
                if (err != ErrorCode.Ok) return ((int)err, null);
                metrics.Read(r.Path, NameBytes(children));
                return (0, new GetChildren2Response(children.ToList(), stat));
            }
            case (OpCode.GetAcl, GetAclRequest r):
            {
                var err = tree.GetAcl(r.Path, auth, out var acl, out var stat);
                return err == ErrorCode.Ok ? (0, new GetAclResponse(acl.ToList(), stat)) : ((int)err, null);
            }
            case (OpCode.GetAllChildrenNumber, GetAllChildrenNumberRequest r):
            {
                var err = tree.GetAllChildrenNumber(r.Path, auth, out var count);
                return err == ErrorCode.Ok ? (0, new GetAllChildrenNumberResponse(count)) : ((int)err, null);
            }
            case (OpCode.GetEphemerals, GetEphemeralsRequest r):
                return (0, new GetEphemeralsResponse(tree.GetEphemerals(session.SessionId, r.PrefixPath).ToList()));
            case (OpCode.Sync, SyncRequest r):
                return (0, new SyncResponse(r.Path));
            case (OpCode.SetWatches, SetWatches r):
                tree.SetWatches(r.RelativeZxid, r.DataWatches ?? [], r.ExistWatches ?? [], r.ChildWatches ?? [], [], [], watcher);
                return (0, null);
            case (OpCode.SetWatches2, SetWatches2 r):
                tree.SetWatches(r.RelativeZxid, r.DataWatches ?? [], r.ExistWatches ?? [], r.ChildWatches ?? [],
                    r.PersistentWatches ?? [], r.PersistentRecursiveWatches ?? [], watcher);
                return (0, null);
            case (OpCode.AddWatch, AddWatchRequest r):
                if (r.Mode is not (0 or 1)) return ((int)ErrorCode.MarshallingError, null);
                tree.AddWatch(r.Path, (AddWatchMode)r.Mode, watcher);
                return (0, new ErrorResponse(0));
            case (OpCode.CheckWatches or OpCode.RemoveWatches, CheckWatchesRequest r):
                return RemoveWatches(tree, watcher, r.Path, r.Type, checkOnly: true);
            case (OpCode.RemoveWatches, RemoveWatchesRequest r):
                return RemoveWatches(tree, watcher, r.Path, r.Type, checkOnly: false);
            case (OpCode.WhoAmI, _):
                return (0, new WhoAmIResponse(WhoAmI(AkkaZk.DataTree.AuthInfoOrder.Of(auth))));
            case (OpCode.MultiRead, MultiRequest r):
                return (0, MultiRead(tree, session, r, metrics));
            case (OpCode.Reconfig, _):
                return ((int)ErrorCode.ReconfigDisabled, null);
            default:
                return ((int)ErrorCode.MarshallingError, null);
        }
    }

    private static long NameBytes(IEnumerable<string> children) => children.Sum(c => (long)c.Length);

    private static (int, IResponseRecord?) RemoveWatches(ZkTree tree, SessionWatcher watcher, string path, int type, bool checkOnly)
    {
        // 3.8 knows watcher types 1..3 only; anything else is a marshalling error there.
        if (type is < 1 or > 3) return ((int)ErrorCode.MarshallingError, null);
        var err = tree.RemoveWatches(path, (WatcherType)type, watcher, checkOnly);
        return ((int)err, null);
    }

    private static List<ClientInfo> WhoAmI(IReadOnlyList<Id> auth) =>
        auth.Select(id => new ClientInfo(id.Scheme, id.Scheme switch
        {
            "digest" => id.Ident.Split(':')[0],
            "ip" => id.Ident,
            _ => string.Empty,
        })).ToList();

    /// <summary>multiRead: each op runs on its own; a failure is reported for that op only, no watches are set.</summary>
    private static MultiResponse MultiRead(ZkTree tree, SessionContext session, MultiRequest request, NamespaceMetrics metrics)
    {
        var results = new List<OpResult>(request.Ops.Count);
        foreach (var op in request.Ops)
        {
            switch (op.Record)
            {
                case GetDataRequest r:
                {
                    var err = tree.GetData(r.Path, null, session.AuthIds, out var data, out var stat);
                    if (err == ErrorCode.Ok) metrics.Read(r.Path, data?.Length ?? 0);
                    results.Add(err == ErrorCode.Ok ? new OpResult.GetData(data, stat) : new OpResult.Error((int)err));
                    break;
                }
                case GetChildrenRequest r:
                {
                    var err = tree.GetChildren(r.Path, null, session.AuthIds, out var children, out _);
                    if (err == ErrorCode.Ok) metrics.Read(r.Path, NameBytes(children));
                    results.Add(err == ErrorCode.Ok ? new OpResult.GetChildren(children.ToList()) : new OpResult.Error((int)err));
                    break;
                }
                default:
                    results.Add(new OpResult.Error((int)ErrorCode.MarshallingError));
                    break;
            }
        }
        return new MultiResponse(results);
    }
}
