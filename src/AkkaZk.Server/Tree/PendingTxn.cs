using AkkaZk.Jute;
using AkkaZk.Jute.Quorum;
using AkkaZk.Server.Sessions;

namespace AkkaZk.Server.Tree;

/// <summary>A prepared txn waiting for its journal batch to be durable, and who is waiting for it.</summary>
public sealed record PendingTxn(Txn Txn, PendingKind Kind, SessionContext? Session, int Xid, int OpCode, long Timestamp, int TimeoutMs = 0)
{
    /// <summary>The digest a leader proposed with it: its tree's digest once the txn is applied.</summary>
    public TxnDigest? Digest { get; init; }
}

/// <summary>Why a txn was prepared, which decides what happens once it is applied.</summary>
public enum PendingKind
{
    /// <summary>A client's write: reply to it.</summary>
    ClientWrite,
    /// <summary>A new session: answer the ConnectRequest.</summary>
    CreateSession,
    /// <summary>The tracker expired a session: close its connection, if any.</summary>
    ExpireSession,
    /// <summary>The container manager's deleteContainer: nobody waits for it.</summary>
    ContainerDelete,
    /// <summary>Ensemble: a txn another server asked for or committed; nobody here waits for it.</summary>
    Replicated,
}
