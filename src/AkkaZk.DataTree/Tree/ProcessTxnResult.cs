using AkkaZk.Jute;

namespace AkkaZk.DataTree;

/// <summary>
/// DataTree.ProcessTxnResult: what applying one txn did. Path is the txn's path (for create, the actual,
/// possibly sequential, path); Stat is set for create2/createTTL/createContainer, setData and setACL;
/// a multi carries one result per sub-txn and the first non-zero sub error.
/// </summary>
public sealed record ProcessTxnResult(
    long ClientId,
    int Cxid,
    long Zxid,
    int Type,
    ErrorCode Err,
    string? Path,
    Stat? Stat,
    IReadOnlyList<ProcessTxnResult>? MultiResults);
