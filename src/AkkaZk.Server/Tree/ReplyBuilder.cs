using AkkaZk.DataTree;
using AkkaZk.Jute;

namespace AkkaZk.Server.Tree;

/// <summary>Builds a write's reply from the applied txn's result, as ZooKeeper's FinalRequestProcessor does.</summary>
public static class ReplyBuilder
{
    public static (int Err, IResponseRecord? Body) ForWrite(int requestOpCode, ProcessTxnResult result)
    {
        if (requestOpCode == OpCode.Multi)
        {
            // As ZooKeeper: the outer err of a multi is 0 even when an op failed; the results say which.
            if (result.Type != OpCode.Multi) return ((int)result.Err, null);
            return (0, new MultiResponse(BuildMultiResults(result.MultiResults ?? [])));
        }
        if (result.Err != ErrorCode.Ok || result.Type == OpCode.Error) return ((int)result.Err, null);
        IResponseRecord? body = requestOpCode switch
        {
            OpCode.Create => new CreateResponse(result.Path ?? string.Empty),
            OpCode.Create2 or OpCode.CreateContainer or OpCode.CreateTtl =>
                new Create2Response(result.Path ?? string.Empty, result.Stat ?? default),
            OpCode.SetData => new SetDataResponse(result.Stat ?? default),
            OpCode.SetAcl => new SetAclResponse(result.Stat ?? default),
            _ => null,
        };
        return (0, body);
    }

    private static List<OpResult> BuildMultiResults(IReadOnlyList<ProcessTxnResult> results)
    {
        var list = new List<OpResult>(results.Count);
        foreach (var r in results)
        {
            list.Add(r.Type switch
            {
                OpCode.Error => new OpResult.Error((int)r.Err),
                _ when r.Err != ErrorCode.Ok => new OpResult.Error((int)r.Err),
                OpCode.Create => new OpResult.Create(r.Path ?? string.Empty),
                OpCode.Create2 or OpCode.CreateContainer or OpCode.CreateTtl => new OpResult.Create2(r.Path ?? string.Empty, r.Stat ?? default),
                OpCode.Delete or OpCode.DeleteContainer => new OpResult.Delete(),
                OpCode.SetData => new OpResult.SetData(r.Stat ?? default),
                OpCode.Check => new OpResult.Check(),
                _ => new OpResult.Error((int)ErrorCode.RuntimeInconsistency),
            });
        }
        return list;
    }
}
