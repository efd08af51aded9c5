using AkkaZk.DataTree;
using AkkaZk.Jute;
using AkkaZk.Server.Stats;

namespace AkkaZk.Server.Tree;

/// <summary>
/// The per-namespace write bytes of an applied txn, where ZooKeeper's DataTree calls updateWriteStat: a node created
/// (data length), its data set (new data length) or deleted (0), for each sub-txn of a multi too.
/// </summary>
public static class NamespaceWrites
{
    public static void Record(NamespaceMetrics metrics, Txn txn, ProcessTxnResult result)
    {
        if (txn.Body is MultiTxn multi && result.MultiResults is { } results)
        {
            for (var i = 0; i < multi.Txns.Count && i < results.Count; i++) Record(metrics, multi.Txns[i].Body, results[i]);
            return;
        }
        Record(metrics, txn.Body, result);
    }

    private static void Record(NamespaceMetrics metrics, ITxnBody body, ProcessTxnResult result)
    {
        if (result.Err != ErrorCode.Ok || result.Path is not { } path) return;
        switch (body)
        {
            case CreateTxn c:
                metrics.Write(path, c.Data?.Length ?? 0);
                break;
            case CreateContainerTxn c:
                metrics.Write(path, c.Data?.Length ?? 0);
                break;
            case CreateTtlTxn c:
                metrics.Write(path, c.Data?.Length ?? 0);
                break;
            case SetDataTxn s:
                metrics.Write(path, s.Data?.Length ?? 0);
                break;
            case DeleteTxn:
                metrics.Write(path, 0);
                break;
        }
    }
}
